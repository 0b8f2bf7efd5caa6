// Entry point of dist/main.js: every command but `scan` (dist/cli.js hands over to it; see cli.ts).
import { buildProgram } from './main';
import { runProgram } from './run-program';

void runProgram(buildProgram());
