#!/usr/bin/env node
// UI test: Problems tells the truth about the text after what users do to it, in a real
// workbench (the `npm start` set-up) driven by headless Chromium. Two paths a user reported:
//   - complete a token at "Bearer $ACCESS_TOKEN", save, Ctrl+Z, save: Problems must name
//     "$ACCESS_TOKEN" again, not a placeholder with characters of the stand-in in it;
//   - a notebook output holding a token, quick fix "Clear this cell's outputs", save: the
//     output's problem must leave Problems.
// Screenshots under test-results/e2e-sync/. Ends with "UI-SYNC: N passed, N failed".
//   node e2e/editor-sync.mjs     (after npm start / npm test have built the bundles)
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { launchBrowser } from '../extensions/vscode/scripts/browser.mjs';
import { checkChromium, repoRoot } from '../extensions/vscode/scripts/ensure-code-server.mjs';
import { startDemo } from './lib/demo.mjs';
import { processesInGroups } from './lib/processes.mjs';
import { stepRunner } from './lib/steps.mjs';
import { workbench } from './lib/workbench.mjs';

const artifacts = path.join(repoRoot, 'test-results', 'e2e-sync');
const T = 30_000;
const VALUE = /Bearer ([A-Za-z0-9_-]{43})\b/; // the contract's token value: 43 chars base64url
let app;
let browser;
let page;

const run = stepRunner(artifacts, () => page);
const { shot, step } = run;

try {
  checkChromium();
  app = await startDemo();
  browser = await launchBrowser({ headless: !process.env.PHQ_E2E_HEADED });
  page = browser.page;
  const wb = workbench(page);
  const problems = () => page.locator('.markers-panel .monaco-list-row');
  /** The Problems rows, as text. */
  const problemRows = async () => (await problems().allInnerTexts()).map((t) => t.replace(/\s+/g, ' '));
  let value;

  await step('1-complete', '1 features.js: complete a new token at "Bearer $ACCESS_TOKEN" and save', async () => {
    await page.goto(app.url);
    await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
    await wb.showTokensView();
    await wb.sidebar.locator('.monaco-list-row:has-text("Demo Org")').first().waitFor({ timeout: 60_000 });
    await wb.openFile('features.js');
    await wb.goToProblem('placeholder "$ACCESS_TOKEN"');
    const suggest = page.locator('.editor-widget.suggest-widget');
    const createItem = suggest.locator('.monaco-list-row:has-text("Create a new PredictHQ token")').first();
    await wb.untilShown(() => page.keyboard.press('Control+Space'), createItem);
    await createItem.click();
    await page.locator('.quick-input-widget:has-text("Create PredictHQ token: name")').waitFor({ timeout: T });
    await wb.quickInputBox.fill('Undo Check');
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget:has-text("Create PredictHQ token: scopes")').waitFor({ timeout: T });
    await page.keyboard.press('Enter');
    [, value] = await wb.waitForEditorText(VALUE);
    await page.locator('.editor-group-container.active .monaco-editor').first().click();
    await page.keyboard.press('Control+S');
    await page.locator('.markers-panel .monaco-list-row:has-text(\'placeholder "$ACCESS_TOKEN"\')').waitFor({
      state: 'detached',
      timeout: T,
    });
  });

  await step(
    '2-undo',
    '2 Ctrl+Z once and save: Problems names "$ACCESS_TOKEN" again, as the editor shows',
    async () => {
      await page.keyboard.press('Control+Z');
      await wb.waitForEditorText(/"Bearer \$ACCESS_TOKEN"/);
      await page.keyboard.press('Control+S');
      await wb.showProblems();
      const until = Date.now() + T;
      for (;;) {
        const rows = await problemRows();
        // Before the fix: '"$ACCESSdTOMEN" is sent as the API token ...' (stand-in characters in the server's copy).
        const quoted = rows.flatMap((r) => [...r.matchAll(/"(\$[A-Za-z0-9_-]+)"/g)].map((m) => m[1]));
        if (quoted.some((q) => q !== '$ACCESS_TOKEN'))
          throw new Error(`Problems names text the file does not hold: ${rows.join(' | ')}`);
        if (rows.filter((r) => r.includes('placeholder "$ACCESS_TOKEN"')).length === 1) break;
        if (Date.now() > until) throw new Error(`Problems rows: ${rows.join(' | ') || '(none)'}`);
        await page.waitForTimeout(100); // polling interval of a state check
      }
    },
  );

  await step('3-redo', '3 Ctrl+Shift+Z brings the token back and the placeholder problem goes', async () => {
    await page.keyboard.press('Control+Shift+Z');
    await wb.waitForEditorText(VALUE);
    await page.locator('.markers-panel .monaco-list-row:has-text(\'placeholder "$ACCESS_TOKEN"\')').waitFor({
      state: 'detached',
      timeout: T,
    });
    await page.keyboard.press('Control+Z');
    await wb.waitForEditorText(/"Bearer \$ACCESS_TOKEN"/);
    await page.keyboard.press('Control+S');
  });

  await step(
    '4-notebook-clear',
    '4 a notebook output holding the token: the quick fix clears it, and after saving Problems drops it',
    async () => {
      // A run elsewhere left the token in the saved output (written on disk, as the issue's user did).
      const file = path.join(app.workspace, 'events_near_stores.ipynb');
      const nb = JSON.parse(readFileSync(file, 'utf8'));
      const cell = nb.cells.find((c) => c.id === 'fetch');
      cell.execution_count = 1;
      cell.outputs = [{ output_type: 'stream', name: 'stdout', text: [`Authorization: Bearer ${value}\n`] }];
      writeFileSync(file, JSON.stringify(nb, null, 1));
      // Quick Open, as wb.openFile, but a notebook editor has no single text editor to wait on.
      await page.keyboard.press('Control+P');
      await wb.quickInputBox.fill('events_near_stores.ipynb');
      await wb.rowIn(page.locator('.quick-input-list'), 'events_near_stores.ipynb').waitFor({ timeout: T });
      await page.keyboard.press('Enter');
      await page.locator('.tab.active:has-text("events_near_stores.ipynb")').waitFor({ timeout: T });
      await wb.showProblems();
      const leak = page.locator('.markers-panel .monaco-list-row:has-text("saved output 1")').first();
      await leak.waitFor({ timeout: T });
      await leak.click();
      await page.keyboard.press('Enter');
      const fix = page.locator('.action-widget .monaco-list-row:has-text("Clear this cell\'s outputs")').first();
      await wb.untilShown(() => page.keyboard.press('Control+.'), fix);
      await shot('4-notebook-clear-menu');
      await fix.click();
      await page.keyboard.press('Control+S');
      const until = Date.now() + T;
      while (JSON.parse(readFileSync(file, 'utf8')).cells.find((c) => c.id === 'fetch').outputs.length > 0) {
        if (Date.now() > until) throw new Error('the outputs were not cleared on disk');
        await page.waitForTimeout(100); // polling interval of a state check
      }
      await page.locator('.markers-panel .monaco-list-row:has-text("saved output")').first().waitFor({
        state: 'detached',
        timeout: T,
      });
    },
  );
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
    await step('5-stop', 'stopping the demo leaves no process behind', async () => {
      const left = processesInGroups(pgids);
      if (left.length) throw new Error(`still running: ${left.map((p) => `${p.pid} ${p.command}`).join('; ')}`);
    });
  }
}
console.log(`UI-SYNC: ${run.passed} passed, ${run.failed} failed`);
process.exit(run.failed ? 1 : 0);
