// Test code expects dummy values (fixtures, mocks): placeholders there are reported at a low
// severity so that CI does not fail on them; a real-looking token there stays an error.
import type { Finding } from '../types';
import type { LineCtx } from './line';

/** tests/, test/, __tests__/, spec/, fixtures/, testdata/ folders; *_test.py, test_*.py, *.test.ts, *.spec.js, conftest.py. */
const TEST_PATH =
  /(?:^|[\\/])(?:tests?|__tests__|__mocks__|specs?|fixtures?|testdata|test[_-]?data)[\\/]|(?:^|[\\/])(?:test_[^\\/]*\.py|[^\\/]*_test\.(?:py|go|rb)|[^\\/]*\.(?:test|spec)\.[cm]?[jt]sx?|conftest\.py|[^\\/]*_spec\.rb)$/i;

export function isTestPath(fileName: string | undefined): boolean {
  return fileName !== undefined && TEST_PATH.test(fileName);
}

export const TEST_SEVERITY = 'info';

/** Lowers a placeholder finding in test code (unless the user set the rule's severity). */
export function lowerInTests(lc: LineCtx, f: Finding): void {
  if (lc.ctx.testCode && f.kind === 'placeholder' && lc.ctx.severities[f.kind] === undefined)
    f.severity = TEST_SEVERITY;
}
