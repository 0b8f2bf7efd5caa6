// Mocha root hooks (loaded through .mocharc.json): once every test has run, no language
// server a test started is left running, whether the test passed or failed. (After all,
// not after each: suites share one server across their tests through suiteSetup.)
import { killLeftoverServers } from './lspClient';

export const mochaHooks = {
  afterAll(): void {
    killLeftoverServers();
  },
};
