#!/usr/bin/env node
// UI test of Restricted Mode: the demo started as `npm start -- --trust` does (workspace trust
// on, the sample workspace never trusted), driven in headless Chromium. What a user sees in an
// untrusted workspace: the extension runs, the placeholder is flagged and the environment-
// variable fix is offered, but no real token is offered or inserted; once the user trusts the
// folder, the tokens are offered. Screenshots under test-results/e2e-restricted/.
// Ends with "UI-RESTRICTED: N passed, N failed".
//   node e2e/restricted.mjs     (after npm start / npm test have built the bundles)
import path from 'node:path';
import { launchBrowser } from '../extensions/vscode/scripts/browser.mjs';
import { checkChromium, repoRoot } from '../extensions/vscode/scripts/ensure-code-server.mjs';
import { startDemo } from './lib/demo.mjs';
import { processesInGroups } from './lib/processes.mjs';
import { stepRunner } from './lib/steps.mjs';
import { workbench } from './lib/workbench.mjs';

const artifacts = path.join(repoRoot, 'test-results', 'e2e-restricted');
const T = 30_000;
const UNTRUSTED_NOTE = 'Real tokens are not offered in an untrusted workspace';
let app;
let browser;
let page;

const run = stepRunner(artifacts, () => page);
const { shot, step } = run;

/** The names of the emulator's tokens (none may be offered while the folder is untrusted). */
async function tokenNames() {
  const res = await fetch(`${app.emulator.url}/v1/tokens/?limit=500`, {
    headers: { authorization: `Bearer ${app.emulator.credential}` },
  });
  const body = await res.json();
  return body.results.map((t) => (t.name.includes('|') ? t.name.split('|')[1].trim() : t.name));
}

try {
  checkChromium();
  app = await startDemo({ workspaceTrust: true });
  browser = await launchBrowser({ headless: !process.env.PHQ_E2E_HEADED });
  page = browser.page;
  const wb = workbench(page);
  const suggest = page.locator('.editor-widget.suggest-widget');
  const names = await tokenNames();

  await step(
    '1-restricted',
    '1 the sample workspace opens in Restricted Mode; the extension is signed in',
    async () => {
      await page.goto(app.url);
      await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
      await page.locator('.statusbar-item:has-text("Restricted Mode")').first().waitFor({ timeout: 60_000 });
      await wb.showTokensView();
      await wb.sidebar.locator('.monaco-list-row:has-text("Demo Org")').first().waitFor({ timeout: 60_000 });
    },
  );

  await step('2-diagnostic', '2 the placeholder in features.js is still flagged in Problems', async () => {
    await wb.openFile('features.js');
    const panel = await wb.showProblems();
    await panel.locator('.monaco-list-row:has-text(\'placeholder "$ACCESS_TOKEN"\')').first().waitFor({ timeout: T });
  });

  await step(
    '3-completion',
    '3 completion at the placeholder: the environment variable and a note, no real token',
    async () => {
      await wb.goToProblem('placeholder "$ACCESS_TOKEN"');
      const note = suggest.locator(`.monaco-list-row:has-text("${UNTRUSTED_NOTE}")`).first();
      await wb.untilShown(() => page.keyboard.press('Control+Space'), note);
      const rows = await suggest.locator('.monaco-list-row .label-name').allInnerTexts();
      const offered = names.filter((n) => rows.some((r) => r.includes(n)));
      if (offered.length) throw new Error(`tokens offered in Restricted Mode: ${offered.join(', ')}`);
      if (!rows.some((r) => r.includes('PHQ_API_TOKEN')))
        throw new Error(`no environment-variable item: ${rows.join(' | ')}`);
      if (rows.some((r) => r.includes('Create a new PredictHQ token')))
        throw new Error('"Create a new PredictHQ token" offered in Restricted Mode');
    },
  );

  await step(
    '4-quick-fix',
    '4 the quick fix menu offers the environment variable, no "Replace with token"',
    async () => {
      await page.keyboard.press('Escape'); // the suggestions step 3 left open for its screenshot
      await wb.goToProblem('placeholder "$ACCESS_TOKEN"');
      const env = page.locator('.action-widget .monaco-list-row:has-text("PHQ_API_TOKEN")').first();
      await wb.untilShown(() => page.keyboard.press('Control+.'), env);
      const titles = await page.locator('.action-widget .monaco-list-row').allInnerTexts();
      if (titles.some((t) => /Replace with token|Create a new token/.test(t)))
        throw new Error(`real-token fixes offered in Restricted Mode: ${titles.join(' | ')}`);
    },
  );

  await step('5-trusted', '5 once the user trusts the folder, completion offers the tokens', async () => {
    await page.keyboard.press('Escape'); // the quick fix menu step 4 left open
    await wb.palette('Workspaces: Manage Workspace Trust');
    const trustButton = page.locator('.workspace-trust-editor .monaco-button:has-text("Trust")').first();
    await trustButton.waitFor({ timeout: T });
    await trustButton.click();
    await page
      .locator('.statusbar-item:has-text("Restricted Mode")')
      .first()
      .waitFor({ state: 'detached', timeout: T });
    // The trust editor opens as a modal editor over the workbench: close it as a user does.
    const modal = page.locator('.monaco-modal-editor-block');
    for (let i = 0; i < 5 && (await modal.count()) > 0; i++) {
      await page.keyboard.press('Escape');
      await modal
        .first()
        .waitFor({ state: 'detached', timeout: 2000 })
        .catch(() => {});
    }
    if ((await modal.count()) > 0) await modal.locator('.codicon-close, [aria-label^="Close"]').first().click();
    await modal.first().waitFor({ state: 'detached', timeout: T });
    await wb.openFile('features.js');
    await wb.goToProblem('placeholder "$ACCESS_TOKEN"');
    const token = suggest.locator(`.monaco-list-row:has-text(${JSON.stringify(names[0])})`).first();
    await wb.untilShown(() => page.keyboard.press('Control+Space'), token);
    if ((await suggest.locator(`.monaco-list-row:has-text("${UNTRUSTED_NOTE}")`).count()) > 0)
      throw new Error('the untrusted note is still offered after trusting');
  });
} catch (e) {
  run.failed++;
  console.log(`  ✖ set-up: ${e instanceof Error ? e.stack : e}`);
  await shot('setup-FAILED').catch(() => {});
} finally {
  await browser?.close();
  if (app) {
    const pgids = app.pgids;
    await app.dispose();
    page = undefined;
    await step('6-stop', 'stopping the demo leaves no process behind', async () => {
      const left = processesInGroups(pgids);
      if (left.length) throw new Error(`still running: ${left.map((p) => `${p.pid} ${p.command}`).join('; ')}`);
    });
  }
}
console.log(`UI-RESTRICTED: ${run.passed} passed, ${run.failed} failed`);
process.exit(run.failed ? 1 : 0);
