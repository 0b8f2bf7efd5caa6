// The server's copy of an open document, asked for by the client's tests (the sync fuzz
// compares it with the editor's text after every step: docs/extension.md, "Document sync").
// It carries nothing the server does not already hold: the text is the redacted one the
// client synced, stand-ins in place of values.
/* eslint-disable @typescript-eslint/no-namespace */
import { RequestType } from 'vscode-languageserver-protocol';

export interface DocumentTextParams {
  uri: string;
}

/** `null` when the server has no open document of that URI. */
export type DocumentTextResult = { version: number; text: string } | null;

/** client -> server: the text and version the server holds for an open document. */
export namespace DocumentText {
  export const method = 'phq/documentText' as const;
  export const type = new RequestType<DocumentTextParams, DocumentTextResult, void>(method);
}

export function isDocumentTextParams(v: unknown): v is DocumentTextParams {
  return typeof v === 'object' && v !== null && typeof (v as Record<string, unknown>).uri === 'string';
}
