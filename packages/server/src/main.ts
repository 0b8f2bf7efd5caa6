// Bundle entry: `node dist/server.js --stdio` or `--node-ipc` (createConnection reads the
// transport from the command line).
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { startServer } from './server';

startServer(createConnection(ProposedFeatures.all));
