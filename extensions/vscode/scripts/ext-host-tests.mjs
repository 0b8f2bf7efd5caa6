// Runs a mocha suite inside code-server's real (Node) extension host, the way
// @vscode/test-electron does on desktop: the workbench opens with a payload naming the
// extension under development and the tests module, and calls the page's
// codeAutomationLog / codeAutomationExit (smoke-test driver) as the suite prints and ends.
import { format } from 'node:util';
import { launchBrowser, workbenchUrl } from './browser.mjs';

const NOISE =
  /^(\[[\w:. -]+\] |Resolv(ing|ed) connection token|Creating a socket|Updating additional builtin|getaddrinfo |Canceled: |Timed out waiting for authentication provider 'github'|\s+at )/;

/**
 * @param {object} server   from startCodeServer() (must run with the smoke-test driver)
 * @param {object} o
 * @param {string} o.extensionPath absolute folder of the extension (package.json)
 * @param {string} o.testsPath     absolute path of the bundle exporting run()
 * @param {string} [o.folder]      workspace folder to open
 * @param {number} [o.timeoutMs]   default 300000
 * @param {string} [o.artifactsDir] on failure, a screenshot of the workbench is saved here
 * @param {string} [o.profileDir]  keep Chromium's profile here (default: a temp folder, removed)
 * @param {(line: string) => void} [o.log]
 * @returns {Promise<number|'timeout'>} the suite's exit code
 */
export async function runExtensionHostTests(server, o) {
  const log = o.log ?? ((l) => console.log(l));
  // The remote authority must be the host:port the browser uses.
  const remote = (p) => `vscode-remote://${server.authority}${p}`;
  const payload = [
    ['extensionDevelopmentPath', remote(o.extensionPath)],
    ['extensionTestsPath', remote(o.testsPath)],
  ];
  const browser = await launchBrowser({ profileDir: o.profileDir });
  try {
    let done;
    const exited = new Promise((r) => (done = r));
    await browser.page.exposeFunction('codeAutomationLog', (_type, args) => {
      const line = format(...(args ?? [])).replace(/%c|color: #\w+ ?/g, '');
      // The workbench relays its own chatter through the same channel; keep the suite's output.
      if (!NOISE.test(line)) log(line);
    });
    await browser.page.exposeFunction('codeAutomationExit', (code) => done(code));
    if (process.env.PHQ_VERBOSE) browser.page.on('console', (m) => log(`[page] ${m.text()}`));
    const timer = setTimeout(() => done('timeout'), o.timeoutMs ?? 300_000);
    await browser.page.goto(workbenchUrl(server, { folder: o.folder, payload }));
    const code = await exited;
    clearTimeout(timer);
    if (code !== 0 && o.artifactsDir) {
      // What the workbench showed when the suite failed or hung.
      await browser.page.screenshot({ path: `${o.artifactsDir}/workbench.png` }).catch(() => {});
    }
    return code;
  } finally {
    await browser.close();
  }
}
