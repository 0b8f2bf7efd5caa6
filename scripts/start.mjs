#!/usr/bin/env node
// The README's run command: the whole product in VS Code in the browser. Installs and builds
// what it needs (pnpm deps, bundles, Node 24 + code-server into .tools/ on first run),
// packages the extension as a .vsix and installs it into an isolated code-server, starts the
// seeded emulator, opens a copy of e2e/sample-workspace/ signed in to the emulator, and
// prints the URL. Ctrl+C stops everything it started (each part in its own process group).
//   npm start                      PORT=8080 by default (code-server); EMULATOR_PORT=0 (ephemeral)
//   npm start -- --trust           workspace trust on (also PHQ_DEMO_TRUST=1): the sample
//                                  workspace opens in Restricted Mode, as an untrusted folder does
//   npm start -- --emulator-only   only the emulator on 4010 (or $PORT), state kept in .cache/
//   npm start -- --emulator-only --fresh   ... starting over
import { rmSync } from 'node:fs';
import path from 'node:path';
import { installAndBuild, root, spawnGroup } from './lib.mjs';

if (process.argv.includes('--emulator-only')) emulatorOnly();
else await demo();

async function demo() {
  installAndBuild();
  const { startDemo } = await import('../e2e/lib/demo.mjs');
  const { processesInGroups } = await import('../e2e/lib/processes.mjs');
  const port = Number(process.env.PORT ?? 8080);
  const trust = process.argv.includes('--trust') || process.env.PHQ_DEMO_TRUST === '1';
  let app;
  let stopping = false;
  const stop = async (signal) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping code-server and the emulator…`);
    await app?.dispose();
    const left = app ? processesInGroups(app.pgids) : [];
    if (left.length) console.error(`still running: ${left.map((p) => `${p.pid} ${p.command}`).join('; ')}`);
    else console.log('Stopped; nothing left running.');
    process.exit(left.length ? 1 : 0);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => void stop(signal));
  try {
    app = await startDemo({
      port,
      emulatorPort: Number(process.env.EMULATOR_PORT ?? 0),
      echoEmulatorLog: process.argv.includes('--verbose'),
      workspaceTrust: trust,
      log: (l) => console.log(l),
    });
  } catch (e) {
    console.error(`\nThe demo did not start: ${e instanceof Error ? e.message : e}`);
    console.error(`(port ${port} in use? try PORT=8081 npm start)`);
    process.exit(1);
  }
  if (stopping) return;
  const cli = 'packages/cli/dist/cli.js'; // the bin itself: `node` would take --env-file as its own option
  console.log(`
PredictHQ Tokens demo is running.

  Open VS Code in your browser:  ${app.url}

${
  trust
    ? `  Workspace trust is on: the sample workspace opens in Restricted Mode. Diagnostics and the
  environment-variable fixes work; real tokens are neither offered nor inserted. Trust it
  from the Restricted Mode banner (or "Workspaces: Manage Workspace Trust") to compare.

`
    : ''
}  Signed in to the local emulator (seeded account "Demo Org"); the sample workspace is a
  temporary copy of e2e/sample-workspace/. Try: the PredictHQ view in the activity bar,
  events.py (a placeholder the server flags, with quick fixes), fetch-events.sh (correct
  as is), completions after "Bearer " in features.js, the .env file.

  A PredictHQ customer's view: "Tokens on this machine". The API URL setting points at a
  public-only emulator (${app.publicApi.url}, like https://api.predicthq.com, no management
  API). In the API Tokens view choose "Add an API Token" (key icon) and paste a value made
  "in the WebApp" (each shown once, as PredictHQ does):
${app.publicApi.tokens.map((t) => `    ${t.value}  ${t.name} (${t.state === 'valid' ? t.scopes.join(', ') : t.state})`).join('\n')}

  Emulator  ${app.emulator.url}   (fresh and seeded each run)
  CLI       PHQ_API_URL=${app.emulator.url} PHQ_MANAGEMENT_TOKEN=${app.emulator.credential} ${cli} list
  Faults    curl -X POST ${app.emulator.url}/_emulator/faults/ -H 'content-type: application/json' \\
              -d '{"route": "GET /v1/tokens/", "kind": "status", "status": 500}'
            curl -X DELETE ${app.emulator.url}/_emulator/faults/
  Logs      ${app.logs.server}
            ${app.logs.emulator}   (npm start -- --verbose prints requests here)

Press Ctrl+C to stop everything.
`);
}

function emulatorOnly() {
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
    const cli = 'packages/cli/dist/cli.js'; // the bin itself: `node` would take --env-file as its own option
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
}
