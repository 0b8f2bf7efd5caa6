// Entry of dist/languageclient.js: vscode-languageclient, required by lsp/client.ts when the
// language client starts (after activation returns), so activation does not evaluate it.
export * from 'vscode-languageclient/node';
