#!/usr/bin/env node
// Takes the README's screenshots (media/screenshots/*.png) in a real workbench: the welcome
// view while signed out, then the API Tokens tree after signing in to the emulator through
// the UI (command palette -> quick inputs), with a Python file showing a diagnostic.
//   node scripts/screenshots.mjs        (after node build.mjs)
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser, workbenchUrl } from './browser.mjs';
import { startCodeServer } from './code-server.mjs';
import { startEmulator } from './emulator.mjs';
import { ensureCodeServer } from './ensure-code-server.mjs';

const extDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(extDir, 'media', 'screenshots');
mkdirSync(out, { recursive: true });
ensureCodeServer();
const emu = await startEmulator();
const ws = mkdtempSync(path.join(os.tmpdir(), 'phq-shots-ws-'));
cpSync(path.join(extDir, 'test', 'fixtures', 'workspace'), ws, { recursive: true });
const server = await startCodeServer({ settings: { 'workbench.colorTheme': 'Default Dark Modern' } });
const browser = await launchBrowser({ viewport: { width: 1280, height: 760 } });
const { page } = browser;

async function palette(command) {
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').fill(`>${command}`);
  await page.locator(`.quick-input-list .monaco-list-row:has-text("${command}")`).first().waitFor({ timeout: 30_000 });
  await page.keyboard.press('Enter');
}

async function answer(text, title) {
  // The same input element is reused between steps: wait for the step's title first.
  if (title) await page.locator(`.quick-input-widget:has-text("${title}")`).waitFor({ timeout: 30_000 });
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: 30_000 });
  await input.fill(text);
  await page.keyboard.press('Enter');
}

try {
  const payload = [['extensionDevelopmentPath', `vscode-remote://${server.authority}${extDir}`]];
  await page.goto(workbenchUrl(server, { folder: ws, payload }));
  await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
  const activity = page.locator('.activitybar [aria-label^="PredictHQ"]').first();
  await activity.waitFor({ timeout: 60_000 });
  await activity.click();
  await page.getByText('Use the Local Emulator').first().waitFor({ timeout: 30_000 });
  await page.screenshot({ path: path.join(out, 'welcome.png') });

  await palette('PredictHQ: Sign In');
  await answer(emu.url, '(1/2)');
  await answer(emu.credential, '(2/2)');
  await page.locator('.monaco-list-row:has-text("Nightly Export")').first().waitFor({ timeout: 30_000 });
  await page.keyboard.press('Control+P');
  await page.locator('.quick-input-widget input').fill('events.py');
  await page.locator('.quick-input-list .monaco-list-row:has-text("events.py")').first().waitFor({ timeout: 30_000 });
  await page.keyboard.press('Enter');
  await page.locator('.squiggly-warning, .squiggly-error').first().waitFor({ timeout: 30_000 });
  await page.screenshot({ path: path.join(out, 'tree.png') });

  // Create token through the two-step quick input.
  await palette('PredictHQ: Create Token');
  await page
    .locator('.quick-input-widget:has-text("(1/2)"), .quick-input-widget:has-text("1/2")')
    .first()
    .waitFor({ timeout: 30_000 });
  await page.locator('.quick-input-widget input').fill('Client | Bad | Name');
  await page.locator('.quick-input-widget:has-text("at most one")').waitFor({ timeout: 10_000 }); // validated as you type
  await page.locator('.quick-input-widget input').fill('Weather Dashboard');
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-list .monaco-list-row:has-text("Events")').first().waitFor({ timeout: 30_000 });
  await page.waitForTimeout(400); // let the quick input's fade-in finish (cosmetic: screenshots only)
  await page.screenshot({ path: path.join(out, 'create-scopes.png') });
  await page.keyboard.press('Enter');
  await page.locator('.monaco-list-row:has-text("Weather Dashboard")').first().waitFor({ timeout: 30_000 });
  console.log(`screenshots written to ${path.relative(process.cwd(), out)}`);
} catch (e) {
  await page.screenshot({ path: path.join(out, 'failed.png') }).catch(() => {});
  console.error(e);
  process.exitCode = 1;
} finally {
  await browser.close();
  await server.close();
  await emu.close();
  rmSync(ws, { recursive: true, force: true });
}
