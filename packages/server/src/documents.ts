// One open document: the LSP text (for positions), the engine's incremental scanner fed
// with the same edits, the document's settings (pulled per document, kept here and not in a
// global, re-pulled when configuration changes) and the findings of the current generation.
import type { Diagnostic, Range, TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { BlockText } from './blockText';
import type { ScanOptions } from '@phq-tokens/detect';
import { createScanner, effectiveLanguage, scanOptions, type Finding, type IncrementalScanner } from './engine';
import { DEFAULT_SETTINGS, type Settings } from './settings';
import type { TokenState } from './tokens';

export class DocState {
  /** The text for positions and line text; the scanner keeps its own copy of the same text. */
  doc: BlockText;
  readonly uri: string;
  version: number;
  readonly fileName: string;
  readonly languageId: string;
  settings: Settings | undefined;
  /** Increments on each settings pull so that a late answer to an older pull is dropped. */
  settingsSeq = 0;
  closed = false;
  private scanner: IncrementalScanner;
  private options: ScanOptions;
  /** Bumped by every text or option change; the findings cache is valid for one generation. */
  private generation = 0;
  private cache: { generation: number; findings: Finding[] } | undefined;
  /** Finding -> diagnostic, valid until settings or tokens change (see toDiagnostics). */
  diagnosticsCache = new WeakMap<Finding, Diagnostic | null>();

  constructor(
    uri: string,
    languageId: string,
    version: number,
    text: string,
    tokens: TokenState,
    /** How the text is scanned: the engine's incremental scanner, or a notebook cell's (notebookCells.ts). */
    private readonly makeScanner: (text: string, options: ScanOptions) => IncrementalScanner = createScanner,
  ) {
    this.uri = uri;
    this.version = version;
    this.doc = new BlockText(text);
    this.fileName = fileNameOf(uri);
    this.languageId = effectiveLanguage(languageId, this.fileName);
    this.options = scanOptions(this.languageId, this.fileName, DEFAULT_SETTINGS, tokens.fingerprints);
    this.scanner = this.makeScanner(text, this.options);
  }

  get isDotenv(): boolean {
    return this.languageId === 'dotenv' || /^\.env(\.|$)/.test(this.fileName);
  }

  /**
   * Applies changes in order to both the LSP document and the scanner. Offsets are taken from
   * the text before each change, with the clamping TextDocument uses, so the two copies of the
   * text never diverge.
   */
  applyChanges(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    for (const change of changes) {
      this.generation++;
      if ('range' in change && change.range) {
        const r = wellFormed(change.range);
        const start = this.doc.offsetAt(r.start);
        const end = this.doc.offsetAt(r.end);
        this.doc.replace(start, end, change.text);
        this.scanner.applyEdit(start, end, change.text);
      } else {
        this.doc = new BlockText(change.text);
        this.scanner = this.makeScanner(change.text, this.options);
      }
    }
    this.version = version;
  }

  /** After an engine failure: start again from the document's text. */
  rebuild(): void {
    this.generation++;
    this.diagnosticsCache = new WeakMap();
    this.scanner = this.makeScanner(this.doc.getText(), this.options);
  }

  /** Another cell of the same notebook changed: its context (and so these findings) may differ. */
  invalidate(): void {
    this.generation++;
    this.diagnosticsCache = new WeakMap();
  }

  /** New settings or tokens: only a real change of the scan options costs a rescan. */
  refreshOptions(tokens: TokenState): void {
    this.diagnosticsCache = new WeakMap();
    const next = scanOptions(this.languageId, this.fileName, this.settings ?? DEFAULT_SETTINGS, tokens.fingerprints);
    if (sameOptions(next, this.options)) return;
    this.options = next;
    this.generation++;
    this.scanner.setOptions(next);
  }

  get scanOptions(): ScanOptions {
    return this.options;
  }

  /** Findings of the current text, sorted by offset (computed once per generation). */
  findings(): Finding[] {
    if (this.cache?.generation !== this.generation) {
      const list = this.scanner.findings().slice();
      list.sort((a, b) => a.offset - b.offset);
      this.cache = { generation: this.generation, findings: list };
    }
    return this.cache.findings;
  }
}

function sameOptions(a: ScanOptions, b: ScanOptions): boolean {
  return (
    a.languageId === b.languageId &&
    a.fileName === b.fileName &&
    a.envVarName === b.envVarName &&
    a.markdownProse === b.markdownProse &&
    sameFingerprints(a.knownFingerprints, b.knownFingerprints) &&
    JSON.stringify(a.extraPatterns ?? []) === JSON.stringify(b.extraPatterns ?? [])
  );
}

/** Token metadata changes (a rename, lastUsedAt) arrive often; only new or gone fingerprints need a rescan. */
function sameFingerprints(a: ScanOptions['knownFingerprints'], b: ScanOptions['knownFingerprints']): boolean {
  if (a === b) return true;
  if (!a || !b || a.size !== b.size) return false;
  for (const [fp, t] of a) {
    const u = b.get(fp);
    if (!u || u.id !== t.id || u.name !== t.name) return false;
  }
  return true;
}

function wellFormed(r: Range): Range {
  const s = r.start;
  const e = r.end;
  return s.line > e.line || (s.line === e.line && s.character > e.character) ? { start: e, end: s } : r;
}

export function fileNameOf(uri: string): string {
  const path = uri.replace(/[?#].*$/, '');
  const last = path.slice(path.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}
