// One notebook cell judged by what it is. Shared by `scanNotebook` (a .ipynb file) and the
// language server (a cell document of an open notebook), so both judge a cell the same way.
import type { Finding, ScanOptions } from '../types';
import { scan } from '../scan';
import { ipythonViews, kernelLanguageId, type CellView } from './ipython';
import type { CellKind } from './model';

export interface CellScanOptions extends Omit<ScanOptions, 'languageId'> {
  kind: CellKind;
  /** The notebook's kernel language (kernelspec.language, then language_info.name); default Python. */
  kernelLanguage?: string;
  /** Names the notebook's Python cells define: IPython substitutes `$name` / `{name}` in `!` lines. */
  pythonNames?: ReadonlySet<string>;
}

/** Kinds reported where no language can be judged (saved outputs, unknown kernels): leaks only. */
const TOKEN_KINDS = new Set<Finding['kind']>(['hardcoded-token', 'known-token']);

/** The views a cell is judged through. */
export function cellViews(source: string, opts: CellScanOptions): CellView[] {
  if (opts.kind === 'markdown') return [{ languageId: 'markdown', text: source }];
  if (opts.kind === 'raw') return [{ languageId: null, text: source }];
  const lang = kernelLanguageId(opts.kernelLanguage);
  if (lang === 'python') return ipythonViews(source, opts.pythonNames ?? new Set());
  return [{ languageId: lang, text: source }];
}

/** Findings in a cell's source, in cell offsets (0-based lines of the cell), document order. */
export function scanCell(source: string, opts: CellScanOptions): Finding[] {
  const { kind: _kind, kernelLanguage: _k, pythonNames: _n, ...base } = opts;
  const out: Finding[] = [];
  for (const view of cellViews(source, opts)) {
    let found = scan(view.text, { ...base, languageId: view.languageId ?? 'plaintext' });
    if (view.languageId === null) found = found.filter((f) => TOKEN_KINDS.has(f.kind));
    const subst = view.substituted;
    if (subst && subst.length > 0)
      found = found.filter((f) => !subst.some(([a, b]) => f.offset < b && f.offset + f.length > a));
    out.push(...found);
  }
  if (out.length > 1) out.sort((a, b) => a.offset - b.offset || a.length - b.length);
  return out;
}

/**
 * Tokens in a cell's saved output (stream text, text/plain, HTML, a traceback): searched
 * for hardcoded and known tokens only, always errors: an output is saved into the file, so
 * a token there is committed with the notebook. Tracebacks' ANSI colour codes are blanked.
 */
export function scanOutputText(text: string, opts: Omit<ScanOptions, 'languageId'>): Finding[] {
  // eslint-disable-next-line no-control-regex
  const plain = text.replace(/\u001b\[[0-9;]*[A-Za-z]/g, (m) => ' '.repeat(m.length));
  // Output is not code: read it twice, as plain text ("Bearer <value>" anywhere, known
  // tokens) and as Python, whose lexer reads reprs and traceback lines
  // (`{'access_token': '...'}`, `Client(access_token="...")`) as the sinks they show.
  const opt = { ...opts, aboutPredictHQ: true };
  const found = [...scan(plain, { ...opt, languageId: 'plaintext' }), ...scan(plain, { ...opt, languageId: 'python' })];
  const seen = new Set<number>();
  return found
    .filter(
      (f) =>
        TOKEN_KINDS.has(f.kind) && opts.severities?.[f.ruleId] !== 'off' && !seen.has(f.offset) && seen.add(f.offset),
    )
    .sort((a, b) => a.offset - b.offset)
    .map((f) => ({ ...f, severity: 'error' }));
}
