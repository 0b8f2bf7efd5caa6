// The GitHub Action's entry (action.yml, bundled into bundled/action.cjs): runs the scan of
// bundled/phq-tokens-scan.cjs, the file the pre-commit hooks run, with --format sarif; writes
// the log where `sarif-file` says, prints each finding as a workflow annotation and exits
// with the scan's exit code (1 when a finding is at or above `fail-on`). docs/github-action.md.
import { spawnSync } from 'node:child_process';
import { appendFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { annotations, countResults } from './annotations';
import { readInputs } from './inputs';

function main(): number {
  const inputs = readInputs(process.env);
  const cwd = process.env.GITHUB_WORKSPACE || process.cwd();
  const args = ['scan', '--format', 'sarif', '--fail-on', inputs.failOn];
  if (inputs.since !== undefined) args.push('--since', inputs.since);
  // Paths after `--`: a path named like an option stays a path.
  args.push('--', ...inputs.paths);
  console.log(`phq-tokens ${args.join(' ')}`);
  const scanJs = path.join(__dirname, 'phq-tokens-scan.cjs');
  const r = spawnSync(process.execPath, [scanJs, ...args], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1024 * 1024 * 1024,
  });
  const code = r.status ?? 2;
  if (code !== 0 && code !== 1) {
    const hint =
      inputs.since !== undefined
        ? ` (--since ${inputs.since}: is the commit fetched? actions/checkout needs fetch-depth: 0)`
        : '';
    console.log(`::error title=phq-tokens::the scan stopped with exit code ${code}${hint}`);
    return code;
  }
  const sarif = JSON.parse(r.stdout) as Parameters<typeof annotations>[0];
  if (inputs.sarifFile !== '') writeFileSync(path.resolve(cwd, inputs.sarifFile), r.stdout);
  for (const line of annotations(sarif)) console.log(line);
  const findings = countResults(sarif);
  console.log(`${findings} finding(s); fail-on ${inputs.failOn}: ${code === 1 ? 'failed' : 'passed'}`);
  if (process.env.GITHUB_OUTPUT)
    appendFileSync(process.env.GITHUB_OUTPUT, `findings=${findings}\nsarif-file=${inputs.sarifFile}\n`);
  return code;
}

process.exitCode = main();
