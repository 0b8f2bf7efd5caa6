// The same bundle over Node IPC (how VS Code's language client usually starts a server).
import assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import {
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializeRequest,
  InitializedNotification,
  IPCMessageReader,
  IPCMessageWriter,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  createProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { ensureBundle } from '../support/bundle';

suite('LSP over Node IPC (bundled server)', () => {
  test('initialize, diagnostics, shutdown', async () => {
    const child = fork(ensureBundle(), ['--node-ipc'], { stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    const conn = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    const published = new Promise<PublishDiagnosticsParams>((resolve) =>
      conn.onNotification(PublishDiagnosticsNotification.type, resolve),
    );
    conn.listen();
    const init = await conn.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      capabilities: {},
    });
    assert.ok(init.capabilities.completionProvider);
    await conn.sendNotification(InitializedNotification.type, {});
    await conn.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: 'file:///ipc/a.py', languageId: 'python', version: 3, text: 'h = "Bearer $API_TOKEN"\n' },
    });
    const p = await published;
    assert.equal(p.version, 3);
    assert.equal(p.diagnostics.length, 1);
    await conn.sendRequest(ShutdownRequest.type);
    await conn.sendNotification(ExitNotification.type);
    assert.equal(await exited, 0);
    conn.dispose();
  });
});
