// Headless Debian Chromium driven by playwright-core: the browser side of code-server for the
// extension-host tests and the UI tests. A fresh profile per launch, removed on close (or kept
// in `profileDir` when given: the leak check scans it after the run).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { checkChromium, codeServerPaths } from './ensure-code-server.mjs';

export async function launchBrowser({
  headless = true,
  viewport = { width: 1400, height: 900 },
  permissions,
  profileDir,
} = {}) {
  const paths = codeServerPaths();
  checkChromium(paths);
  const profile = profileDir ?? mkdtempSync(path.join(os.tmpdir(), 'phq-chrome-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: paths.chromium,
    headless,
    viewport,
    permissions,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  async function close() {
    await context.close().catch(() => {});
    if (!profileDir) rmSync(profile, { recursive: true, force: true });
  }
  return { context, page, close };
}

/** Workbench URL for a folder, optionally with a smoke-test payload (extension-host tests). */
export function workbenchUrl(server, { folder, payload } = {}) {
  const q = new URLSearchParams();
  if (folder) q.set('folder', folder);
  if (payload) q.set('payload', JSON.stringify(payload));
  return `${server.url}/?${q.toString()}`;
}
