// Entry point of dist/scan.js: `phq-tokens scan ...` (dist/cli.js hands over to it; see cli.ts).
import { runProgram } from './run-program';
import { buildScanProgram } from './scan-program';

void runProgram(buildScanProgram());
