// Document sync that never carries a token value to the language server (protocol
// redact.ts): every known value, and every start of one from PARTIAL_MIN characters on (a
// value typed by hand), is replaced by its id-derived stand-in of the same length.
// A mirror of the server's copy of each document (stand-ins included) lets us turn a change
// that brings a value in (a paste, an insertion) into one full, redacted replacement; other
// changes pass through unchanged (stand-ins keep lengths, so their ranges stay valid) when
// the server's copy stays the editor's text redacted around them; otherwise, too, the whole
// redacted text goes (docs/extension.md, "Document sync").
import { changeCarriesValue, redactValues, syncedMatches, type KnownValue } from '@phq-tokens/protocol';
import * as vscode from 'vscode';
import { TextDocument as Mirror } from 'vscode-languageserver-textdocument';

type Next<T> = (arg: T) => Promise<void>;

export class RedactingSync {
  private readonly mirrors = new Map<string, Mirror>();

  constructor(private readonly known: () => readonly KnownValue[]) {}

  /** A stand-in document whose text is redacted (what didOpen sends). */
  didOpen(doc: vscode.TextDocument, next: Next<vscode.TextDocument>): Promise<void> {
    const text = redactValues(doc.getText(), this.known());
    this.mirrors.set(doc.uri.toString(), Mirror.create(doc.uri.toString(), doc.languageId, doc.version, text));
    return next(text === doc.getText() ? doc : withText(doc, text));
  }

  didChange(e: vscode.TextDocumentChangeEvent, next: Next<vscode.TextDocumentChangeEvent>): Promise<void> {
    const uri = e.document.uri.toString();
    const mirror = this.mirrors.get(uri);
    const known = this.known();
    // A value, or the start of one being typed by hand, around the edits (protocol redact.ts).
    const full = e.document.getText();
    const bringsValue = changeCarriesValue(e, full, known);
    // Not opened through us (should not happen): pass it on only if it cannot carry a value.
    if (!mirror) return bringsValue ? Promise.resolve() : next(e);
    if (!bringsValue) {
      // What the server will hold if the changes go as they are; sent only if that is still the
      // editor's text redacted around them (protocol syncCheck.ts: an undo that keeps a character
      // of a value would leave a stand-in's character in the server's placeholder).
      const before = { text: mirror.getText(), end: mirror.positionAt(mirror.getText().length) };
      Mirror.update(
        mirror,
        e.contentChanges.map((c) => ({ range: c.range, text: c.text })),
        e.document.version,
      );
      if (syncedMatches(e, mirror.getText(), full, known)) return next(e);
      const change = this.replaceAll(uri, before, mirror.languageId, redactValues(full, known), e.document.version);
      return next({ document: e.document, reason: e.reason, contentChanges: [change] });
    }
    const replaced = this.replaceAll(
      uri,
      { text: mirror.getText(), end: mirror.positionAt(mirror.getText().length) },
      mirror.languageId,
      redactValues(full, known),
      e.document.version,
    );
    return next({ document: e.document, reason: e.reason, contentChanges: [replaced] });
  }

  didClose(doc: vscode.TextDocument, next: Next<vscode.TextDocument>): Promise<void> {
    this.mirrors.delete(doc.uri.toString());
    return next(doc);
  }

  /**
   * Documents whose server copy would change now that more values are known (a value was
   * pasted before it was stored). Returns one full replacement per document to send.
   */
  resync(): { uri: string; version: number; change: vscode.TextDocumentContentChangeEvent }[] {
    const out = [];
    for (const doc of vscode.workspace.textDocuments) {
      const uri = doc.uri.toString();
      const mirror = this.mirrors.get(uri);
      if (!mirror) continue;
      const redacted = redactValues(doc.getText(), this.known());
      if (redacted === mirror.getText()) continue;
      const old = { text: mirror.getText(), end: mirror.positionAt(mirror.getText().length) };
      out.push({
        uri,
        version: doc.version,
        change: this.replaceAll(uri, old, mirror.languageId, redacted, doc.version),
      });
    }
    return out;
  }

  /** One change replacing the server's whole copy (`old`, what it holds now) by `text`. */
  private replaceAll(
    uri: string,
    old: { text: string; end: { line: number; character: number } },
    languageId: string,
    text: string,
    version: number,
  ): vscode.TextDocumentContentChangeEvent {
    const change = {
      range: new vscode.Range(0, 0, old.end.line, old.end.character),
      rangeOffset: 0,
      rangeLength: old.text.length,
      text,
    };
    this.mirrors.set(uri, Mirror.create(uri, languageId, version, text));
    return change;
  }
}

/** The same document with different text of the same length (offsets and positions stay valid). */
function withText(doc: vscode.TextDocument, text: string): vscode.TextDocument {
  // VS Code's TextDocument objects are frozen, so a Proxy may not change what `getText`
  // returns (the engine enforces the invariant: the language client's didOpen of a document
  // holding a value threw, which stopped the client from starting or restarting). An object
  // that inherits everything from the document and has its own getText is allowed.
  const copy = Object.create(doc) as vscode.TextDocument;
  Object.defineProperty(copy, 'getText', {
    value: (range?: vscode.Range) => (range ? text.slice(doc.offsetAt(range.start), doc.offsetAt(range.end)) : text),
  });
  return copy;
}
