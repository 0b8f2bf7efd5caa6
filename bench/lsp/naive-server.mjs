// The baseline: a naive language server that rescans the whole document on every change
// (TextDocuments + the engine's full scan + the same diagnostics mapping), publishing at
// once. Bundled by run.mjs; measured in the same run as the real server.
import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { scan } from '../../packages/detect/src/index';
import { toDiagnostics } from '../../packages/server/src/diagnostics';
import { DEFAULT_SETTINGS } from '../../packages/server/src/settings';
import { EMPTY_TOKEN_STATE } from '../../packages/server/src/tokens';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
connection.onInitialize(() => ({
  capabilities: {
    textDocumentSync: TextDocumentSyncKind.Incremental,
    completionProvider: { triggerCharacters: ['$'] },
  },
}));
documents.onDidChangeContent(({ document }) => {
  const text = document.getText();
  const findings = scan(text, { languageId: document.languageId, fileName: 'bench.ts' });
  findings.sort((a, b) => a.offset - b.offset);
  const diagnostics = toDiagnostics(findings, document, DEFAULT_SETTINGS, document.languageId, EMPTY_TOKEN_STATE);
  void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
});
connection.onCompletion(() => []);
documents.listen(connection);
connection.listen();
