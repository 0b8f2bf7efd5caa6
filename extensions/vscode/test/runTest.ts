// The desktop route: @vscode/test-electron downloads VS Code and runs the same suite
// (dist/test/suite.js). It cannot download here, so `npm test` uses the code-server runner
// (scripts/run-ext-tests.mjs) instead; run this where VS Code can be downloaded:
//   node build.mjs && node dist/test/runTest.js
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  const extensionDevelopmentPath = path.resolve(__dirname, '..', '..');
  const extensionTestsPath = path.resolve(__dirname, 'suite.js');
  const workspace = process.env.PHQ_TEST_WORKSPACE;
  await runTests({
    extensionDevelopmentPath,
    extensionTestsPath,
    launchArgs: workspace ? [workspace, '--disable-extensions'] : ['--disable-extensions'],
  });
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
