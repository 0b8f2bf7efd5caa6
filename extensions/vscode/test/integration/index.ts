// Entry of the extension-host suite: the run() that @vscode/test-electron and our
// code-server runner (scripts/run-ext-tests.mjs) both call inside the extension host.
// Test files are required inside run(), after mocha's TDD globals exist (esbuild keeps
// these requires lazy).
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', timeout: 60_000, color: false, reporter: 'spec' });
  const grep = process.env.PHQ_TEST_GREP;
  if (grep) mocha.grep(new RegExp(grep));
  mocha.suite.emit('pre-require', globalThis, 'extension-host', mocha);
  /* eslint-disable @typescript-eslint/no-require-imports -- lazy on purpose, see above */
  if (process.env.PHQ_BENCH_TREE) {
    require('./benchWorkspace.integration.test'); // the Scan Workspace benchmark alone (bench/workspace-vscode.mjs)
  } else if (process.env.PHQ_TEST_UNTRUSTED) {
    require('./trust.integration.test'); // second pass: workspace trust on, folder untrusted
    require('./repoConfigUntrusted.integration.test'); // .phq-tokens.json: its patterns are not run
    require('./terminalUntrusted.integration.test'); // no token in terminals, tasks or debug sessions
  } else {
    require('./activation.integration.test');
    require('./tree.integration.test');
    require('./tokens.integration.test');
    require('./errors.integration.test');
    require('./language.integration.test');
    require('./syncFuzz.integration.test'); // editor and server agree after random edits, undo/redo
    require('./notebook.integration.test'); // a real .ipynb in the notebook editor
    require('./local.integration.test'); // tokens on this machine, against the public-only emulator
    require('./addNetwork.integration.test'); // Add on a broken network or a wrong API URL; Retry keeps the input
    require('./prompts.integration.test'); // questions default to the safe choice; toasts say what is known
    require('./rotate.integration.test'); // rotate: files rewritten, old token deleted last
    require('./terminal.integration.test'); // Use Token in Terminals, tasks, debug sessions
    require('./workspaceScan.integration.test'); // Scan Workspace; before the server is stopped
    require('./repoConfig.integration.test'); // .phq-tokens.json and its baseline, through Scan Workspace
    require('./serverFailures.integration.test'); // leaves the language server stopped
    require('./history.integration.test'); // Scan Git History over a repository built with git
    require('./leaks.integration.test'); // last: checks what the whole session wrote
  }
  /* eslint-enable @typescript-eslint/no-require-imports */
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures ? reject(new Error(`${failures} tests failed`)) : resolve()));
  });
}
