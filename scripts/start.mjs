#!/usr/bin/env node
// The README's run command (for now): installs and builds, starts the emulator bin with
// seeded data on port 4010 (or $PORT) and prints how to use the CLI against it.
// State persists in .cache/emulator/state.json across runs; `npm start -- --fresh` starts
// over. Ctrl+C stops it. (The VS Code demo will replace this later.)
import { rmSync } from 'node:fs';
import path from 'node:path';
import { installAndBuild, root, spawnGroup } from './lib.mjs';

const port = process.env.PORT ?? '4010';
const stateFile = path.join(root, '.cache', 'emulator', 'state.json');
if (process.argv.includes('--fresh')) rmSync(stateFile, { force: true });

installAndBuild();

const bin = path.join(root, 'packages', 'emulator', 'dist', 'bin.js');
// Own process group: Ctrl+C reaches only this script, which forwards it exactly once.
const child = spawnGroup(process.execPath, [bin, '--port', port, '--persist', stateFile, '--json'], {
  stdio: ['ignore', 'pipe', 'inherit'],
});

let buffered = '';
child.stdout.on('data', (d) => {
  if (buffered === null) return void process.stdout.write(d);
  buffered += d;
  const nl = buffered.indexOf('\n');
  if (nl < 0) return;
  const { url, credential } = JSON.parse(buffered.slice(0, nl));
  buffered = null;
  const cli = 'node packages/cli/dist/cli.js';
  const env = `PHQ_API_URL=${url} PHQ_MANAGEMENT_TOKEN=${credential}`;
  console.log(`
PredictHQ Tokens: the local emulator of the token API is running (seeded account "Demo Org").

  API URL                ${url}
  Management credential  ${credential}
  State file             ${path.relative(root, stateFile)}  (npm start -- --fresh to start over)

Use the CLI against it from another terminal in this folder:

  export PHQ_API_URL=${url}
  export PHQ_MANAGEMENT_TOKEN=${credential}
  ${cli} list
  ${cli} scopes
  ${cli} create --name "Analytics | Nightly Export" --scope events --scope features
  ${cli} verify --stdin          # paste the value printed by create
  ${cli} rename <tok_id> "New name"
  ${cli} delete <tok_id>

or in one line:  ${env} ${cli} list

Make it misbehave (the CLI retries 429/5xx; see packages/emulator/README.md):

  curl -X POST ${url}/_emulator/faults/ -H 'content-type: application/json' \\
    -d '{"route": "GET /v1/tokens/", "kind": "status", "status": 503, "retry_after": 1, "times": 2}'

Requests are logged below. Press Ctrl+C to stop.
`);
});

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    child.kill(signal);
  });
}
child.on('exit', (code, signal) => {
  if (stopping) console.log('Emulator stopped.');
  else if (buffered !== null) {
    console.error(`\nThe emulator did not start (port ${port} in use? try PORT=4011 npm start).`);
  }
  process.exit(code ?? (signal ? 0 : 1));
});
