#!/usr/bin/env node
// UI end-to-end tests: a person's path through the product in a real VS Code workbench
// (code-server) driven by headless Debian Chromium, against the same set-up `npm start`
// gives a newcomer (e2e/lib/demo.mjs). Each step asserts what is on screen, saves a
// screenshot under test-results/e2e/, and counts as one test; a failing step also saves
// the server, extension and emulator logs there. Ends with "UI-E2E: N passed, N failed".
//   node e2e/ui.mjs            (after npm start / npm test have built the bundles)
// Env: PHQ_E2E_HEADED=1 shows the browser (needs a display); PHQ_E2E_BAIL=1 stops at the first failure.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchBrowser } from '../extensions/vscode/scripts/browser.mjs';
import { checkChromium, repoRoot } from '../extensions/vscode/scripts/ensure-code-server.mjs';
import { startDemo } from './lib/demo.mjs';
import { faultControl } from './lib/emulator-process.mjs';
import { processesInGroups } from './lib/processes.mjs';
import { exactly, workbench } from './lib/workbench.mjs';

const artifacts = path.join(repoRoot, 'test-results', 'e2e');
const T = 30_000;
const t0 = Date.now();
const secs = (from) => ((Date.now() - from) / 1000).toFixed(1);
const VALUE = /Bearer ([A-Za-z0-9_-]{43})\b/; // the contract's token value: 43 chars base64url

rmSync(artifacts, { recursive: true, force: true });
mkdirSync(artifacts, { recursive: true });

let passed = 0;
let failed = 0;
let app;
let browser;
let page;

/** One step of the path = one test: run, screenshot, count; on failure keep screenshot + logs. */
async function step(slug, name, fn) {
  const started = Date.now();
  if (failed && process.env.PHQ_E2E_BAIL && page) {
    failed++;
    console.log(`  ✖ ${name} (not run: an earlier step failed)`);
    return;
  }
  try {
    await fn({ shot: (suffix) => shot(`${slug}-${suffix}`) });
    await shot(slug);
    passed++;
    console.log(`  ✔ ${name} (${secs(started)} s)`);
  } catch (e) {
    failed++;
    await shot(`${slug}-FAILED`).catch(() => {});
    if (page)
      await workbench(page)
        .escapeAll()
        .catch(() => {}); // the next step starts from a clean screen
    console.log(
      `  ✖ ${name} (${secs(started)} s)\n      ${String(e instanceof Error ? e.message : e)
        .split('\n')
        .join('\n      ')}`,
    );
  }
}

async function shot(name) {
  if (page) await page.screenshot({ path: path.join(artifacts, `${name}.png`) });
}

/** Server, extension-host and emulator logs, kept when a step failed (never token values: see docs/e2e.md). */
function saveLogs() {
  if (!app) return;
  const dir = path.join(artifacts, 'logs');
  mkdirSync(dir, { recursive: true });
  for (const f of [app.logs.server, app.logs.emulator]) if (existsSync(f)) cpSync(f, path.join(dir, path.basename(f)));
  const userLogs = path.join(app.logs.userData, 'logs');
  if (existsSync(userLogs)) {
    for (const f of readdirSync(userLogs, { recursive: true }).map(String)) {
      if (f.endsWith('.log')) cpSync(path.join(userLogs, f), path.join(dir, 'code-server', f), { recursive: true });
    }
  }
}

/** The emulator's management API, to check the server side of what the UI did. */
async function api(method, route, body) {
  const res = await fetch(`${app.emulator.url}${route}`, {
    method,
    headers: { authorization: `Bearer ${app.emulator.credential}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: res.status === 204 ? undefined : await res.json() };
}
const tokenNames = async () => (await api('GET', '/v1/tokens/?limit=500')).body.results.map((t) => t.name);

/** A token value works against the public API (the emulator answers 200 only for a live token with the scope). */
async function callsApi(value, family) {
  // Features is read with POST (PredictHQ's published spec); the other families with GET.
  const post = family === 'features';
  const res = await fetch(`${app.emulator.url}/v1/${family}/${post ? '' : '?limit=1'}`, {
    method: post ? 'POST' : 'GET',
    headers: { authorization: `Bearer ${value}`, 'content-type': 'application/json' },
    body: post ? JSON.stringify({ location: { place_id: ['5128581'] } }) : undefined,
  });
  return res.status;
}

/** The button a modal dialog focuses (what Enter would choose). */
async function expectFocused(label) {
  const focused = await page.evaluate(() => globalThis.document.activeElement?.textContent?.trim());
  if (focused !== label) throw new Error(`the dialog's focused button is "${focused}", not "${label}"`);
}

async function main() {
  checkChromium();
  app = await startDemo({
    // One retry keeps the error path quick; the default (3, with backoff) is covered by core's tests.
    settings: { 'predicthqTokens.network.retries': 1 },
  });
  const faults = faultControl(app.emulator.url);
  console.log(`[ui-e2e ${secs(t0)} s] code-server and emulator up`);
  browser = await launchBrowser({
    permissions: ['clipboard-read', 'clipboard-write'],
    headless: !process.env.PHQ_E2E_HEADED,
  });
  page = browser.page;
  const wb = workbench(page);
  let quickFixValue;
  let completionValue;
  const created = 'Weather Dashboard';
  const renamed = 'Weather Dashboard (prod)';
  const second = 'Concert Features';
  let elsewhereId;
  const checkedRow = (label) =>
    page
      .locator('.quick-input-list .monaco-list-row[aria-checked="true"]')
      .filter({ has: page.locator('.label-name', { hasText: exactly(label) }) })
      .first();

  await step(
    '1-tree',
    '1 workbench opens signed in; the API Tokens view lists the emulator tokens, legacy names split',
    async () => {
      await page.goto(app.url);
      await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
      await wb.showTokensView();
      await wb.sidebar.locator('.monaco-list-row:has-text("Demo Org")').first().waitFor({ timeout: 60_000 });
      // Wider side bar so names and descriptions are readable in the screenshots.
      const box = await wb.sidebar.boundingBox();
      await page.mouse.move(box.x + box.width + 1, box.y + box.height / 2);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width + 160, box.y + box.height / 2, { steps: 5 });
      await page.mouse.up();
      const names = await tokenNames();
      for (const full of names) {
        const tokenPart = full.includes('|') ? full.split('|')[1].trim() : full;
        await wb.treeRow(tokenPart).waitFor({ timeout: T });
      }
      // The legacy "Analytics Pipeline | Nightly Export": token part as the label, client part as description.
      const legacy = wb.treeRow('Nightly Export');
      const description = await legacy.locator('.label-description').innerText();
      if (!description.includes('Analytics Pipeline')) throw new Error(`legacy row description: "${description}"`);
      // Signed in by the demo: no "Grant access (1)" badge waits on the Accounts menu.
      const accounts = page.locator('.activitybar .action-item:has([aria-label^="Accounts"])');
      if ((await accounts.count()) === 0) throw new Error('no Accounts item in the activity bar');
      const badge = accounts.first().locator('.badge-content');
      if ((await badge.count()) > 0 && (await badge.first().isVisible()) && (await badge.first().innerText()).trim())
        throw new Error(`the Accounts menu shows a badge: "${await badge.first().innerText()}"`);
      const labels = await wb.sidebar.locator('.monaco-list-row .label-name').allInnerTexts();
      if (labels.some((l) => l.includes('|')))
        throw new Error(`a label shows the raw legacy name: ${labels.join(', ')}`);
    },
  );

  await step(
    '2-create',
    '2 create a token through the quick input (name validated, scopes chosen); it appears in the tree',
    async ({ shot }) => {
      await wb.viewAction('Create Token');
      await page.locator('.quick-input-widget:has-text("Create PredictHQ token: name")').waitFor({ timeout: T });
      await wb.quickInputBox.fill('Weather | Bad | Name');
      await page.locator('.quick-input-widget:has-text("at most one")').waitFor({ timeout: T }); // validated as you type
      await wb.quickInputBox.fill(created);
      await page.keyboard.press('Enter');
      await page.locator('.quick-input-widget:has-text("Create PredictHQ token: scopes")').waitFor({ timeout: T });
      const row = (label) => wb.rowIn(page.locator('.quick-input-list'), label);
      await row('Events').waitFor({ timeout: T });
      // All scopes are selected by default: clear them, then choose Events and Features.
      await page.locator('.quick-input-widget [aria-label="Toggle all checkboxes"]').click();
      await page.locator('.quick-input-widget .quick-input-count:has-text("0 Selected")').waitFor({ timeout: T });
      for (const label of ['Events', 'Features']) {
        await row(label).click();
        await checkedRow(label).waitFor({ timeout: T });
      }
      await page.locator('.quick-input-widget .quick-input-count:has-text("2 Selected")').waitFor({ timeout: T });
      await shot('scopes');
      await page.keyboard.press('Enter');
      await wb.toast(`Token "${created}" created`).waitFor({ timeout: T });
      const tree = wb.treeRow(created);
      await tree.waitFor({ timeout: T });
      const description = await tree.locator('.label-description').innerText();
      if (description !== 'events, features') throw new Error(`new token's scopes shown as "${description}"`);
      if (!(await tokenNames()).includes(created)) throw new Error('the emulator has no such token');
    },
  );

  await step(
    '3-diagnostics',
    '3 Problems shows the Python "Bearer $API_TOKEN"; the shell script\'s "$API_TOKEN" is not flagged',
    async () => {
      await wb.openFile('fetch-events.sh');
      await wb.openFile('events.py'); // opened second: once its diagnostic is in, the shell script has been checked
      const panel = await wb.showProblems();
      await panel.locator('.monaco-list-row:has-text(\'placeholder "$API_TOKEN"\')').first().waitFor({ timeout: T });
      await panel.locator('.monaco-list-row:has-text("events.py")').first().waitFor({ timeout: T });
      const text = await panel.innerText();
      if (text.includes('fetch-events.sh')) throw new Error(`the shell script is flagged:\n${text}`);
      await page.locator('.editor-group-container.active [class*="squiggly-"]').first().waitFor({ timeout: T });
    },
  );

  await step(
    '4a-quick-fix',
    '4a quick fix replaces the Python placeholder with the new token; the diagnostic goes',
    async ({ shot }) => {
      await wb.goToProblem('placeholder "$API_TOKEN"');
      // The menu does not refresh: if it opened before the server knew the new token, ask again.
      const fix = page.locator(`.action-widget .monaco-list-row:has-text('Replace with token "${created}"')`).first();
      await wb.untilShown(() => page.keyboard.press('Control+.'), fix);
      await shot('menu');
      await fix.click();
      [, quickFixValue] = await wb.waitForEditorText(VALUE);
      const status = await callsApi(quickFixValue, 'events');
      if (status !== 200)
        throw new Error(`the inserted value is not a live events token (GET /v1/events/ -> ${status})`);
      const panel = await wb.showProblems();
      await panel
        .locator('.monaco-list-row:has-text(\'placeholder "$API_TOKEN"\')')
        .first()
        .waitFor({ state: 'detached', timeout: T });
      await page.keyboard.press('Control+S');
    },
  );

  await step('4b-completion', '4b completion in the JS file creates a token and inserts it', async ({ shot }) => {
    await wb.openFile('features.js');
    await wb.goToProblem('placeholder "$ACCESS_TOKEN"');
    const suggest = page.locator('.editor-widget.suggest-widget');
    await wb.untilShown(
      () => page.keyboard.press('Control+Space'),
      suggest.locator(`.monaco-list-row:has-text("${created}")`).first(),
    );
    const createItem = suggest.locator('.monaco-list-row:has-text("Create a new PredictHQ token")').first();
    await createItem.waitFor({ timeout: T });
    await shot('suggestions');
    await createItem.click();
    await page.locator('.quick-input-widget:has-text("Create PredictHQ token: name")').waitFor({ timeout: T });
    await wb.quickInputBox.fill(second);
    await page.keyboard.press('Enter');
    // The scopes step comes preselected with what the file calls (the Features API).
    await page.locator('.quick-input-widget:has-text("Create PredictHQ token: scopes")').waitFor({ timeout: T });
    await checkedRow('Features').waitFor({ timeout: T });
    await page.keyboard.press('Enter');
    [, completionValue] = await wb.waitForEditorText(VALUE);
    if (completionValue === quickFixValue) throw new Error('the completion inserted the first token, not a new one');
    const status = await callsApi(completionValue, 'features');
    if (status !== 200) throw new Error(`the inserted value is not a live features token (-> ${status})`);
    await wb.treeRow(second).waitFor({ timeout: T });
    await page.keyboard.press('Control+S');
  });

  await step(
    '5-rename-delete',
    '5 rename the token and see the tree update; delete it after the confirmation',
    async ({ shot }) => {
      await wb.contextMenu(wb.treeRow(created), 'Rename Token');
      await page.locator(`.quick-input-widget:has-text('Rename "${created}"')`).waitFor({ timeout: T });
      await wb.quickInputBox.fill(renamed);
      await page.keyboard.press('Enter');
      await wb.treeRow(renamed).waitFor({ timeout: T });
      await wb.treeRow(created).waitFor({ state: 'detached', timeout: T });
      await shot('renamed');
      if (!(await tokenNames()).includes(renamed)) throw new Error('the emulator did not rename it');

      await wb.contextMenu(wb.treeRow(renamed), 'Delete Token');
      const dialog = page.locator(`.monaco-dialog-box:has-text('Delete token "${renamed}"?')`);
      await dialog.waitFor({ timeout: T });
      // The confirmation names the files that use the token (the quick fix put it in events.py).
      await dialog.locator(':text("events.py")').first().waitFor({ timeout: T });
      await expectFocused('Keep the Token'); // the safe choice is the default: Enter keeps it
      await shot('confirm');
      await dialog.locator('.monaco-button', { hasText: exactly('Delete') }).click();
      await wb.treeRow(renamed).waitFor({ state: 'detached', timeout: T });
      if ((await tokenNames()).includes(renamed)) throw new Error('the emulator still has it');
      if ((await callsApi(quickFixValue, 'events')) !== 401) throw new Error('the deleted token still works');
    },
  );

  await step('6-copy', '6 copy a token from the tree and read it back from the clipboard', async () => {
    await page.evaluate(() => navigator.clipboard.writeText('(empty)'));
    await wb.contextMenu(wb.treeRow(second), 'Copy Token');
    await page.locator('.statusbar-item:has-text("Token copied")').first().waitFor({ timeout: T });
    const clip = await page.evaluate(() => navigator.clipboard.readText());
    if (clip !== completionValue)
      throw new Error('the clipboard does not hold the token value inserted in features.js');
  });

  const errorPath = async (status, text, change, shot) => {
    await wb.palette('Notifications: Clear All Notifications');
    await faults.inject({ route: 'GET /v1/tokens/', kind: 'status', status, retry_after: 1 });
    await wb.viewAction('Refresh');
    const toast = wb.toast(text);
    await toast.waitFor({ timeout: T });
    await toast.locator('.monaco-button', { hasText: exactly('Retry') }).waitFor({ timeout: T });
    await shot('error');
    // Meanwhile the account changes elsewhere; once the API is back, Retry must show it.
    const expect = await change();
    await faults.clear();
    await toast.locator('.monaco-button', { hasText: exactly('Retry') }).click();
    await expect();
    await toast.waitFor({ state: 'detached', timeout: T });
  };

  await step('7a-error-429', '7a rate limited (429): a clear message with Retry, and Retry works', async ({ shot }) => {
    await errorPath(
      429,
      'rate limiting this organization (429)',
      async () => {
        const r = await api('POST', '/v1/tokens/', { name: 'Created Elsewhere', scopes: ['places'] });
        if (r.status !== 201) throw new Error(`could not create a token in the emulator (${r.status})`);
        elsewhereId = r.body.id;
        return () => wb.treeRow('Created Elsewhere').waitFor({ timeout: T });
      },
      shot,
    );
  });

  await step('7b-error-500', '7b server error (500): a clear message with Retry, and Retry works', async ({ shot }) => {
    await errorPath(
      500,
      'server error (500)',
      async () => {
        // (the fault answers every GET /v1/tokens/, so the id comes from step 7a)
        const r = await api('DELETE', `/v1/tokens/${elsewhereId}/`);
        if (r.status !== 204) throw new Error(`could not delete in the emulator (${r.status})`);
        return () => wb.treeRow('Created Elsewhere').waitFor({ state: 'detached', timeout: T });
      },
      shot,
    );
  });

  await step(
    '7c-retry-keeps-input',
    '7c a create that fails: Retry reopens the boxes with the name and scopes chosen',
    async ({ shot }) => {
      await wb.palette('Notifications: Clear All Notifications');
      await faults.inject({ route: 'POST /v1/tokens/', kind: 'status', status: 500 });
      await wb.viewAction('Create Token');
      const nameBox = page.locator('.quick-input-widget:has-text("Create PredictHQ token: name")');
      await nameBox.waitFor({ timeout: T });
      await wb.quickInputBox.fill('Retry Me');
      await page.keyboard.press('Enter');
      await page.locator('.quick-input-widget:has-text("Create PredictHQ token: scopes")').waitFor({ timeout: T });
      await page.locator('.quick-input-widget [aria-label="Toggle all checkboxes"]').click();
      await page.locator('.quick-input-widget .quick-input-count:has-text("0 Selected")').waitFor({ timeout: T });
      await wb.rowIn(page.locator('.quick-input-list'), 'Places').click();
      await checkedRow('Places').waitFor({ timeout: T });
      await page.keyboard.press('Enter');
      const toast = wb.toast('server error (500)');
      await toast.waitFor({ timeout: T });
      await shot('error');
      await faults.clear();
      await toast.locator('.monaco-button', { hasText: exactly('Retry') }).click();
      await nameBox.waitFor({ timeout: T });
      const kept = await wb.quickInputBox.inputValue();
      if (kept !== 'Retry Me') throw new Error(`Retry opened the name box with "${kept}"`);
      await page.keyboard.press('Enter');
      await page.locator('.quick-input-widget .quick-input-count:has-text("1 Selected")').waitFor({ timeout: T });
      await checkedRow('Places').waitFor({ timeout: T });
      await page.keyboard.press('Enter');
      await wb.toast('Token "Retry Me" created').waitFor({ timeout: T });
      if (!(await tokenNames()).includes('Retry Me')) throw new Error('the emulator has no such token');
    },
  );

  // A PredictHQ customer's path: a token made in the WebApp, api.predicthq.com only (here the
  // public-only emulator, which printed the values as the WebApp shows them, once).
  const webAppToken = app.publicApi.tokens.find((t) => t.name === 'Events Script');
  await step(
    '8a-add-token',
    '8a add a token from the WebApp by pasting it: verified, scopes found, in the tree',
    async ({ shot }) => {
      await wb.palette('Notifications: Clear All Notifications'); // earlier steps' toasts would hide the result
      await wb.palette('PredictHQ: Add an API Token');
      await page.locator('.quick-input-widget:has-text("paste the token value")').waitFor({ timeout: T });
      await wb.quickInputBox.fill(`"${webAppToken.value}"`); // pasted with quotes: trimmed
      await shot('paste');
      await page.keyboard.press('Enter');
      await page.locator('.quick-input-widget:has-text("a name for it")').waitFor({ timeout: T });
      await wb.quickInputBox.fill('Notebook');
      await page.keyboard.press('Enter');
      await wb.toast('Added "Notebook"').waitFor({ timeout: T });
      await wb.treeRow('Tokens on this machine').waitFor({ timeout: T });
      const row = wb.treeRow('Notebook');
      await row.waitFor({ timeout: T });
      const description = await row.locator('.label-description').innerText();
      if (description !== 'events') throw new Error(`the added token's scopes shown as "${description}"`);
    },
  );

  await step('8b-complete-local', '8b a completion inserts the added token into a placeholder', async ({ shot }) => {
    await wb.openFile('weekly_report.py');
    await wb.goToProblem('placeholder "$ACCESS_TOKEN"');
    const suggest = page.locator('.editor-widget.suggest-widget');
    const item = suggest.locator('.monaco-list-row:has-text("Notebook")').first();
    await wb.untilShown(() => page.keyboard.press('Control+Space'), item);
    await shot('suggestions');
    await item.click();
    const [, inserted] = await wb.waitForEditorText(VALUE);
    if (inserted !== webAppToken.value) throw new Error('the completion did not insert the added token');
    await page.keyboard.press('Control+S');
  });

  await step(
    '8d-terminal',
    '8d Use Token in Terminals: a Python script reading PHQ_API_TOKEN runs in a new terminal against the public API',
    async ({ shot }) => {
      await wb.palette('Notifications: Clear All Notifications');
      await wb.openFile('events_count.py');
      await wb.contextMenu(wb.treeRow('Notebook'), 'Use Token in Terminals');
      // code-server's terminals run on its host: asked once per remote.
      const ask = page.locator(`.monaco-dialog-box:has-text('Put "Notebook" into the terminals')`);
      await ask.waitFor({ timeout: T });
      await shot('confirm');
      await ask.locator('.monaco-button', { hasText: exactly('Use There') }).click();
      const status = page.locator('.statusbar-item:has-text("PHQ_API_TOKEN: Notebook")');
      await status.waitFor({ timeout: T });
      const outDir = mkdtempSync(path.join(os.tmpdir(), 'phq-e2e-terminal-'));
      const out = path.join(outDir, 'out.txt');
      await wb.palette('Terminal: Create New Terminal');
      await page.locator('.terminal-wrapper.active .xterm').first().waitFor({ timeout: T });
      // The prompt: shell integration marks it (keystrokes typed earlier would be echoed twice).
      const marks = page.locator('.terminal-wrapper.active .terminal-command-decoration');
      await marks
        .first()
        .waitFor({ timeout: T })
        .catch(() => undefined); // a shell without integration still queues the keystrokes
      await page.keyboard.type(
        `(PHQ_API_URL=${app.publicApi.url} python3 events_count.py; echo "length of PHQ_API_TOKEN: \${#PHQ_API_TOKEN}") 2>&1 | tee ${out}`,
      );
      await page.keyboard.press('Enter');
      let said = '';
      for (const until = Date.now() + T; Date.now() < until; await page.waitForTimeout(200))
        if (existsSync(out) && /length of/.test((said = readFileSync(out, 'utf8')))) break;
      rmSync(outDir, { recursive: true, force: true });
      if (!/PredictHQ answered 200: \d+ event/.test(said)) throw new Error(`the script said: ${said}`);
      if (!/length of PHQ_API_TOKEN: 43/.test(said)) throw new Error(`the terminal's variable: ${said}`);
      if (said.includes(webAppToken.value)) throw new Error('the script printed the value');
      // Shown on screen once the command is marked finished (the canvas renderer has no text to read).
      await page
        .locator('.terminal-wrapper.active .terminal-command-decoration.codicon-terminal-decoration-success')
        .first()
        .waitFor({ timeout: T })
        .catch(() => undefined);
    },
  );

  await step(
    '8c-forget',
    '8c forget it: the confirmation says it is not revoked; the tree drops it',
    async ({ shot }) => {
      await wb.contextMenu(wb.treeRow('Notebook'), 'Forget on This Machine');
      const dialog = page.locator(`.monaco-dialog-box:has-text('Forget "Notebook" on this machine?')`);
      await dialog.waitFor({ timeout: T });
      await dialog.locator(':text("does NOT revoke")').first().waitFor({ timeout: T });
      await expectFocused('Revoke in the WebApp…'); // Enter loses nothing; VS Code's Cancel is the one way out
      const buttons = await dialog.locator('.monaco-button').allTextContents();
      if (buttons.some((b) => /keep/i.test(b))) throw new Error(`two ways out: ${buttons.join(', ')}`);
      await shot('confirm');
      await dialog.locator('.monaco-button', { hasText: exactly('Forget on This Machine') }).click();
      await wb.treeRow('Notebook').waitFor({ state: 'detached', timeout: T });
      // It was in the terminals (8d): forgetting it takes it out of them at once.
      await page
        .locator('.statusbar-item:has-text("PHQ_API_TOKEN: Notebook")')
        .waitFor({ state: 'detached', timeout: T });
    },
  );

  await step(
    '10-notebook',
    '10 a Jupyter notebook: the placeholder in a cell is flagged, the quick fix edits the cell',
    async ({ shot }) => {
      // Quick Open, as for any file; it opens in the notebook editor (no single text editor to wait for).
      await page.keyboard.press('Control+P');
      await wb.quickInputBox.fill('events_near_stores.ipynb');
      await wb.rowIn(page.locator('.quick-input-list'), 'events_near_stores.ipynb').waitFor({ timeout: T });
      await page.keyboard.press('Enter');
      const notebook = page.locator('.notebookOverlay.notebook-editor').first();
      await notebook.waitFor({ timeout: T });
      await notebook.locator('[class*="squiggly-"]').first().waitFor({ timeout: T });
      // The problem's place is in a cell: select it in Problems; the cell editor gets the cursor.
      const problems = await wb.showProblems();
      await problems.locator('.monaco-list-row').filter({ hasText: 'placeholder "$API_TOKEN"' }).first().click();
      await page.keyboard.press('Enter');
      await notebook.locator('.cell-editor-container .monaco-editor').first().waitFor({ timeout: T });
      const fix = page.locator('.action-widget .monaco-list-row:has-text("Replace with os.environ")').first();
      await wb.untilShown(() => page.keyboard.press('Control+.'), fix);
      await shot('menu');
      await fix.click();
      const cellText = () => notebook.locator('.cell-editor-container .view-lines').allInnerTexts();
      const until = Date.now() + T;
      for (;;) {
        const text = (await cellText()).join('\n').replace(/\u00a0/g, ' ');
        if (text.includes('os.environ["PHQ_API_TOKEN"]') && /^import os$/m.test(text)) break;
        if (Date.now() > until) throw new Error(`the cell was not fixed:\n${text}`);
        await page.waitForTimeout(200);
      }
      await notebook.locator('[class*="squiggly-error"]').first().waitFor({ state: 'detached', timeout: T });
    },
  );

  // Last on purpose: once the workspace is scanned, unopened files keep their problems in the
  // panel, which earlier steps (a problem that must go away) do not expect.
  await step(
    '11-scan-workspace',
    '11 Scan Workspace fills Problems with a file nobody opened (events.http)',
    async () => {
      await wb.escapeAll(); // starts from a clean screen whatever the steps before left open
      await wb.palette('Notifications: Clear All Notifications');
      if ((await page.locator('.tabs-container .tab:has-text("events.http")').count()) > 0)
        throw new Error('events.http is open before the scan');
      await wb.palette('PredictHQ: Scan Workspace for Token Problems');
      await wb.toast('see the Problems panel').waitFor({ timeout: T });
      const panel = await wb.showProblems();
      await panel.locator('.monaco-list-row:has-text("events.http")').first().waitFor({ timeout: T });
      await panel.locator('.monaco-list-row:has-text(\'placeholder "$API_TOKEN"\')').first().waitFor({ timeout: T });
      if ((await page.locator('.tabs-container .tab:has-text("events.http")').count()) > 0)
        throw new Error('the scan opened events.http');
    },
  );

  await step(
    '12a-rotate-cancel',
    '12a cancel at the rotation plan: no token created, no file written, the old token kept',
    async () => {
      const before = readFileSync(path.join(app.workspace, 'features.js'), 'utf8');
      await wb.contextMenu(wb.treeRow(second), 'Rotate Token');
      await page.locator(`.quick-input-widget:has-text('Rotate "${second}"')`).waitFor({ timeout: T });
      await page.keyboard.press('Enter');
      const plan = page.locator(`.monaco-dialog-box:has-text('Rotate "${second}"?')`);
      await plan.waitFor({ timeout: T });
      await plan.locator('.monaco-button', { hasText: exactly('Cancel') }).click();
      await plan.waitFor({ state: 'detached', timeout: T });
      await page.waitForTimeout(1000); // a create would have been sent by now
      const names = await tokenNames();
      if (!names.includes(second) || names.some((n) => n.startsWith(`${second} (rotated`)))
        throw new Error(`after cancelling, the emulator has: ${names.join(', ')}`);
      if (readFileSync(path.join(app.workspace, 'features.js'), 'utf8') !== before)
        throw new Error('cancelling changed features.js');
    },
  );

  await step(
    '12-rotate',
    '12 rotate a token: the plan first, features.js reads the environment, the old token is deleted',
    async ({ shot }) => {
      await wb.palette('Notifications: Clear All Notifications'); // earlier steps' toasts would hide the result
      await wb.contextMenu(wb.treeRow(second), 'Rotate Token');
      await page.locator(`.quick-input-widget:has-text('Rotate "${second}"')`).waitFor({ timeout: T });
      await page.keyboard.press('Enter'); // the suggested name: "... (rotated DATE)"
      const plan = page.locator(`.monaco-dialog-box:has-text('Rotate "${second}"?')`);
      await plan.waitFor({ timeout: T });
      await plan.locator(':text("features.js")').first().waitFor({ timeout: T });
      await expectFocused('Not Now'); // Enter does not start a rotation that revokes the token
      await shot('plan');
      await plan.locator('.monaco-button', { hasText: exactly('Rotate') }).click();
      // The emulator's side: the replacement exists, the old token is gone (deleted last).
      let names = [];
      for (const until = Date.now() + T; Date.now() < until; await page.waitForTimeout(200)) {
        names = await tokenNames();
        if (!names.includes(second) && names.some((n) => n.startsWith(`${second} (rotated`))) break;
      }
      if (names.includes(second) || !names.some((n) => n.startsWith(`${second} (rotated`)))
        throw new Error(`after the rotation the emulator has: ${names.join(', ')}`);
      // Saved by the rotation: read the file itself.
      const text = readFileSync(path.join(app.workspace, 'features.js'), 'utf8');
      if (!text.includes('process.env.PHQ_API_TOKEN') || VALUE.test(text))
        throw new Error(`features.js after the rotation:\n${text}`);
      if ((await callsApi(completionValue, 'features')) !== 401) throw new Error('the old token still works');
    },
  );
}

try {
  await main();
} catch (e) {
  failed++;
  console.log(`  ✖ set-up: ${e instanceof Error ? e.stack : e}`);
  await shot('setup-FAILED').catch(() => {});
} finally {
  await browser?.close();
  if (app) {
    const pgids = app.pgids;
    // Logs are copied once everything has stopped: code-server and the emulator flush on exit.
    await app.stop();
    if (failed) saveLogs();
    await app.dispose();
    page = undefined;
    await step('8-stop', 'stopping the demo leaves no process behind', async () => {
      const left = processesInGroups(pgids);
      if (left.length) throw new Error(`still running: ${left.map((p) => `${p.pid} ${p.command}`).join('; ')}`);
    });
  }
}
console.log(`[ui-e2e ${secs(t0)} s] screenshots in ${path.relative(process.cwd(), artifacts) || artifacts}`);
console.log(`UI-E2E: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
