// A .ipynb file scanned as a notebook: every cell judged by what it is (cell.ts), every
// finding moved back to the file's own line and column (the JSON string its text came
// from, escapes accounted for) and labeled with its cell.
import type { CellRef, Finding, ScanOptions } from '../types';
import { countLineBreaks, normalizeBreaks } from '../engine';
import { mentionsPhq } from '../rules/sink-names';
import { scanCell, scanOutputText } from './cell';
import { kernelLanguageId, pythonNamesIn } from './ipython';
import { fileOffset, readNotebook, type Notebook, type SourcedText } from './model';

export { NotebookFormatError } from './json';

/** "cell 3" (1-based, as a reader counts) with nbformat 4.5's id, and the output when there is one. */
export function cellLabel(c: CellRef): string {
  const id = c.id !== undefined ? ` (id ${JSON.stringify(c.id)})` : '';
  return c.output !== undefined ? `cell ${c.index + 1}${id}, output ${c.output + 1}` : `cell ${c.index + 1}${id}`;
}

export interface NotebookContext {
  kernelLanguage?: string;
  /** Any cell mentions PredictHQ: generic token names are then sinks in every cell. */
  aboutPredictHQ: boolean;
  pythonNames: ReadonlySet<string>;
}

/** What judging one cell needs to know about the others (the language server computes it too). */
export function notebookContext(kernelLanguage: string | undefined, sources: readonly string[]): NotebookContext {
  return {
    ...(kernelLanguage !== undefined ? { kernelLanguage } : {}),
    aboutPredictHQ: sources.some(mentionsPhq),
    pythonNames: kernelLanguageId(kernelLanguage) === 'python' ? pythonNamesIn(sources) : new Set(),
  };
}

/** A token in a saved output: the value itself is the leak, whatever the code around it was. */
function outputMessage(f: Finding, cell: CellRef, options: ScanOptions): string {
  const known =
    f.kind === 'known-token' && f.data.fingerprint ? options.knownFingerprints?.get(f.data.fingerprint) : undefined;
  const what = known ? `Your token "${known.name}"` : `An API token (${f.match})`;
  return `${cellLabel(cell)}: ${what} is saved in this cell's output, so the notebook file (and any commit of it) carries it. Clear the cell's outputs, then rotate the token: delete it in the WebApp and create a new one.`;
}

/** Every finding in a notebook, at file positions; throws NotebookFormatError when the file is not an nbformat 4 notebook. */
export function scanNotebook(raw: string, options: ScanOptions): Finding[] {
  const text = normalizeBreaks(raw);
  const nb: Notebook = readNotebook(text);
  const { languageId: _l, ...base } = options;
  const ctx = notebookContext(
    nb.kernelLanguage,
    nb.cells.map((c) => c.source.text),
  );
  const out: Finding[] = [];
  for (const cell of nb.cells) {
    const ref: CellRef = { index: cell.index, ...(cell.id !== undefined ? { id: cell.id } : {}) };
    if (cell.source.text) {
      const found = scanCell(cell.source.text, {
        ...base,
        kind: cell.kind,
        ...(ctx.kernelLanguage !== undefined ? { kernelLanguage: ctx.kernelLanguage } : {}),
        pythonNames: ctx.pythonNames,
        aboutPredictHQ: options.aboutPredictHQ === true || ctx.aboutPredictHQ,
      });
      for (const f of found) out.push(relocate(text, cell.source, f, ref, `${cellLabel(ref)}: ${f.message}`));
    }
    for (const o of cell.outputs) {
      for (const st of o.texts) {
        for (const f of scanOutputText(st.text, base)) {
          const cellRef = { ...ref, output: o.index };
          out.push(relocate(text, st, f, cellRef, outputMessage(f, cellRef, options)));
        }
      }
    }
  }
  return placeInFile(text, out);
}

/** The finding at file offsets, labeled with its cell; the range is computed by placeInFile. */
function relocate(text: string, st: SourcedText, f: Finding, cell: CellRef, message: string): Finding {
  const start = fileOffset(text, st, f.offset, false);
  const end = fileOffset(text, st, f.offset + f.length, true);
  return { ...f, offset: start, length: end - start, message, data: { ...f.data, cell } };
}

/** Sorts by file offset and sets each range (lines counted once, forward). */
function placeInFile(text: string, list: Finding[]): Finding[] {
  list.sort((a, b) => a.offset - b.offset || a.length - b.length);
  let pos = 0;
  let line = 0;
  const at = (off: number): { line: number; character: number } => {
    if (off < pos) {
      pos = 0;
      line = 0;
    }
    line += countLineBreaks(text, pos, off);
    pos = off;
    // Lone '\r's are '\n' by now (normalizeBreaks); a '\r' before '\n' ends the previous line.
    const ls = text.lastIndexOf('\n', off - 1) + 1;
    return { line, character: off - ls };
  };
  for (const f of list) {
    const start = at(f.offset);
    f.range = { start, end: at(f.offset + f.length) };
  }
  return list;
}

/** A Jupyter notebook by its file name. */
export function isNotebookFile(name: string): boolean {
  return /\.ipynb$/i.test(name);
}
