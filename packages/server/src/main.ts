// Bundle entry: `node dist/server.js --stdio` or `--node-ipc` (createConnection reads the
// transport from the command line).
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { watchFraming } from './framing';
import { startServer } from './server';

startServer(createConnection(ProposedFeatures.all));

// Over stdio, broken framing would leave the server running but deaf (see framing.ts): exit
// with an error instead, so the client restarts it. Attached after startServer() has made
// the connection listen, so this second 'data' listener never takes bytes from it.
if (process.argv.includes('--stdio')) {
  watchFraming(process.stdin, (reason) => {
    process.stderr.write(`PredictHQ Tokens language server: broken message framing on stdin (${reason}); exiting\n`);
    process.exit(1);
  });
}
