// phq-emulator: starts the emulator and prints its URL and the default account's
// management credential; Ctrl+C (SIGINT) or SIGTERM stops it cleanly (state flushed).
import { parseArgs } from 'node:util';
import { startEmulator } from './start.js';

const USAGE = `Usage: phq-emulator [options]

Local server of the PredictHQ Tokens token API contract (docs/api/openapi.yaml).

Options:
  --port N          port to listen on (default 0 = an ephemeral port)
  --host H          address to bind (default 127.0.0.1)
  --persist FILE    keep state in FILE across restarts (written atomically)
  --no-seed         start the default account without sample tokens
  --public-only     answer like api.predicthq.com: public API families only (no
                    management endpoints); prints seeded token values to paste into
                    "Add an API Token" (one revoked, one with an expired subscription)
  --json            print one JSON line {"url","credential"} on stdout instead of text
                    ({"url","tokens"} with --public-only)
  --quiet           no per-request log lines on stderr
  -h, --help        show this help
`;

function fail(message: string): never {
  process.stderr.write(`phq-emulator: ${message}\n\n${USAGE}`);
  process.exit(2);
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        persist: { type: 'string' },
        'no-seed': { type: 'boolean' },
        'public-only': { type: 'boolean' },
        json: { type: 'boolean' },
        quiet: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    fail((e as Error).message);
  }
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail('--port must be an integer 0..65535');

  const emu = await startEmulator({
    port,
    ...(values.host !== undefined && { host: values.host }),
    ...(values.persist !== undefined && { persistFile: values.persist }),
    seed: !values['no-seed'],
    quiet: values.quiet ?? false,
    publicOnly: values['public-only'] ?? false,
  });
  const publicOnly = values['public-only'] ?? false;
  if (values.json) {
    const line = publicOnly ? { url: emu.url, tokens: emu.publicTokens } : { url: emu.url, credential: emu.credential };
    process.stdout.write(`${JSON.stringify(line)}\n`);
  } else if (publicOnly) {
    process.stdout.write(
      [
        `PredictHQ public API emulator (public-only, like api.predicthq.com) listening on ${emu.url}`,
        'Token values, shown once as in the WebApp (paste one into "Add an API Token"):',
        ...emu.publicTokens.map(
          (t) => `  ${t.value}  ${t.name} (${t.state === 'valid' ? `scopes: ${t.scopes.join(', ')}` : t.state})`,
        ),
        'Press Ctrl+C to stop.',
        '',
      ].join('\n'),
    );
  } else {
    process.stdout.write(
      [
        `PredictHQ Tokens emulator listening on ${emu.url}`,
        `Management credential (Demo Org): ${emu.credential}`,
        ...(values.persist ? [`State file: ${values.persist}`] : []),
        'Press Ctrl+C to stop.',
        '',
      ].join('\n'),
    );
  }

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1); // a second Ctrl+C does not wait
    stopping = true;
    emu.close().then(
      () => {
        if (!values.json) process.stdout.write(`Emulator stopped (${signal}).\n`);
        process.exit(0);
      },
      (e: unknown) => {
        process.stderr.write(`phq-emulator: error while stopping: ${(e as Error).message}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  process.stderr.write(`phq-emulator: ${(e as Error).message}\n`);
  process.exit(1);
});
