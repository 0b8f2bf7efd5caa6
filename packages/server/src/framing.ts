// Watches the bytes an editor sends on stdin for broken LSP framing. vscode-jsonrpc's reader
// reports a bad header (no or a non-numeric Content-Length, a line without ":") as an error
// and carries on, but it has lost its place in the stream: every later message is read as
// garbage, and the server goes silent while it keeps running. A server that exits instead
// is restarted by its client (VS Code's language client does), so the editor recovers.
// This is a second, independent reader of the same bytes: it parses only headers and skips
// bodies by their length, so it costs little and changes nothing in the protocol handling.

const HEADER_END = Buffer.from('\r\n\r\n');
/** A header block longer than this without its blank line is not LSP (real ones are < 100 bytes). */
const MAX_HEADER_BYTES = 8 * 1024;
/**
 * The largest message body accepted (docs/server.md, "Broken framing exits"). VS Code does not
 * sync files over 50 MB to extensions, so a real message stays well under this even with JSON
 * escaping; a larger length is a broken or hostile stream, and vscode-jsonrpc would buffer
 * whatever follows while it waits for the body.
 */
export const MAX_BODY_BYTES = 128 * 1024 * 1024;

export class FramingWatch {
  private pending: Buffer = Buffer.alloc(0);
  /** Bytes of the current message body still to skip. */
  private bodyLeft = 0;

  /** Feeds a chunk; returns why the framing is broken, or undefined while it is fine. */
  feed(chunk: Buffer): string | undefined {
    let buf = this.pending.length > 0 ? Buffer.concat([this.pending, chunk]) : chunk;
    for (;;) {
      if (this.bodyLeft > 0) {
        const skip = Math.min(this.bodyLeft, buf.length);
        this.bodyLeft -= skip;
        buf = buf.subarray(skip);
        if (this.bodyLeft > 0) break;
      }
      if (buf.length === 0) break;
      const end = buf.indexOf(HEADER_END);
      if (end < 0) {
        if (buf.length > MAX_HEADER_BYTES) return `a header block longer than ${MAX_HEADER_BYTES} bytes`;
        break;
      }
      const problem = this.header(buf.subarray(0, end).toString('ascii'));
      if (problem) return problem;
      buf = buf.subarray(end + HEADER_END.length);
    }
    this.pending = Buffer.from(buf);
    return undefined;
  }

  private header(text: string): string | undefined {
    let length: number | undefined;
    for (const line of text.split('\r\n')) {
      const colon = line.indexOf(':');
      if (colon < 0) return 'a header line without ":"';
      if (line.slice(0, colon).trim().toLowerCase() !== 'content-length') continue;
      const value = line.slice(colon + 1).trim();
      // Never quoted in the message: the bytes could be anything, a document's text included.
      if (!/^\d{1,15}$/.test(value)) return 'a Content-Length that is not a number';
      length = Number(value);
    }
    if (length === undefined) return 'a message without Content-Length';
    if (length > MAX_BODY_BYTES) return `a Content-Length over the ${MAX_BODY_BYTES / (1024 * 1024)} MiB cap`;
    this.bodyLeft = length;
    return undefined;
  }
}

/** Watches `input` (the server's stdin) and calls `onBroken` once at the first broken frame. */
export function watchFraming(input: NodeJS.ReadableStream, onBroken: (reason: string) => void): void {
  const watch = new FramingWatch();
  const onData = (chunk: Buffer | string) => {
    const reason = watch.feed(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    if (reason === undefined) return;
    input.removeListener('data', onData);
    onBroken(reason);
  };
  input.on('data', onData);
}
