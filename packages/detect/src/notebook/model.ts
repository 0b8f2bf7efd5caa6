// nbformat 4 (4.0-4.5): the parts of a notebook the engine reads, each text kept with the
// JSON strings it came from so that an offset in it maps back to the file.
import { decodeString, NotebookFormatError, parseJson, rawOffset, type JString, type JValue } from './json';

/** A text joined from JSON strings (a multi-line `source` is an array of lines). */
export interface SourcedText {
  text: string;
  /** Decoded offset in `text` where each string starts, with its node; in order. */
  pieces: { at: number; node: JString }[];
}

export type CellKind = 'code' | 'markdown' | 'raw';

export interface NotebookOutput {
  /** 0-based index in the cell's `outputs`. */
  index: number;
  /** stream text, text/plain, text/html, an error's evalue and traceback; never image data. */
  texts: SourcedText[];
}

export interface NotebookCell {
  index: number;
  id?: string;
  kind: CellKind;
  source: SourcedText;
  outputs: NotebookOutput[];
}

export interface Notebook {
  nbformatMinor: number;
  /** kernelspec.language, then language_info.name, lower-cased; undefined when neither is given. */
  kernelLanguage?: string;
  cells: NotebookCell[];
}

/** Output mime types whose text is searched; images and other binary data are never read. */
const TEXT_MIMES = ['text/plain', 'text/html', 'text/markdown', 'text/latex', 'application/javascript'];

function numberAt(text: string, at: number): string {
  return /^-?[\d.eE+-]+/.exec(text.slice(at, at + 24))?.[0] ?? '';
}

function obj(v: JValue | undefined, what: string, at: number): Map<string, JValue> {
  if (v?.t !== 'o') throw new NotebookFormatError(`${what} is not a JSON object`, v?.start ?? at);
  return v.map;
}

function stringOf(text: string, v: JValue | undefined): string | undefined {
  return v?.t === 's' ? decodeString(text, v) : undefined;
}

/** nbformat's multiline string: a string or an array of strings (joined as they are). */
function sourced(text: string, v: JValue | undefined, what: string, separator = ''): SourcedText {
  const out: SourcedText = { text: '', pieces: [] };
  if (v === undefined) return out;
  const nodes = v.t === 's' ? [v] : v.t === 'a' ? v.items : null;
  if (!nodes) throw new NotebookFormatError(`${what} is not a string or a list of strings`, v.start);
  const parts: string[] = [];
  let at = 0;
  for (const n of nodes) {
    if (n.t !== 's') throw new NotebookFormatError(`${what} is not a string or a list of strings`, n.start);
    if (parts.length > 0 && separator) {
      parts.push(separator);
      at += separator.length;
    }
    const s = decodeString(text, n);
    out.pieces.push({ at, node: n });
    parts.push(s);
    at += s.length;
  }
  out.text = parts.join('');
  return out;
}

export function readNotebook(text: string): Notebook {
  const root = obj(parseJson(text), 'the notebook', 0);
  const major = root.get('nbformat');
  const majorText = major?.t === 'n' ? numberAt(text, major.start) : '';
  // No version at all but a list of cells (a hand-made or stripped notebook): read as nbformat 4.
  if (major !== undefined && majorText !== '4')
    throw new NotebookFormatError(
      majorText ? `nbformat ${majorText} is not supported (nbformat 4 is)` : 'nbformat is not a number',
      major.start,
    );
  const minorNode = root.get('nbformat_minor');
  const nbformatMinor = minorNode?.t === 'n' ? Number(numberAt(text, minorNode.start)) : 0;
  const meta = root.get('metadata');
  const metadata = meta?.t === 'o' ? meta.map : new Map<string, JValue>();
  const spec = metadata.get('kernelspec');
  const info = metadata.get('language_info');
  const kernelLanguage =
    (spec?.t === 'o' ? stringOf(text, spec.map.get('language')) : undefined) ||
    (info?.t === 'o' ? stringOf(text, info.map.get('name')) : undefined);
  const cellsNode = root.get('cells');
  if (cellsNode?.t !== 'a') throw new NotebookFormatError('no list of cells: not an nbformat 4 notebook', 0);
  const cells = cellsNode.items.map((c, index): NotebookCell => {
    const m = obj(c, `cell ${index + 1}`, cellsNode.start);
    const kind = stringOf(text, m.get('cell_type'));
    if (kind !== 'code' && kind !== 'markdown' && kind !== 'raw')
      throw new NotebookFormatError(`cell ${index + 1} has no known cell_type`, c.start);
    const id = stringOf(text, m.get('id'));
    const outputs: NotebookOutput[] = [];
    const outs = m.get('outputs');
    if (kind === 'code' && outs?.t === 'a') {
      outs.items.forEach((o, oi) => {
        const om = obj(o, `an output of cell ${index + 1}`, outs.start);
        const texts: SourcedText[] = [];
        const what = `output ${oi + 1} of cell ${index + 1}`;
        switch (stringOf(text, om.get('output_type'))) {
          case 'stream':
            texts.push(sourced(text, om.get('text'), what));
            break;
          case 'execute_result':
          case 'display_data': {
            const data = om.get('data');
            if (data?.t === 'o') for (const mime of TEXT_MIMES) texts.push(sourced(text, data.map.get(mime), what));
            break;
          }
          case 'error':
            texts.push(sourced(text, om.get('evalue'), what));
            // Traceback entries are lines without their line breaks.
            texts.push(sourced(text, om.get('traceback'), what, '\n'));
            break;
          default:
            break;
        }
        outputs.push({ index: oi, texts: texts.filter((t) => t.pieces.length > 0) });
      });
    }
    return {
      index,
      ...(id !== undefined ? { id } : {}),
      kind,
      source: sourced(text, m.get('source'), `the source of cell ${index + 1}`),
      outputs,
    };
  });
  return { nbformatMinor, ...(kernelLanguage ? { kernelLanguage: kernelLanguage.toLowerCase() } : {}), cells };
}

/** The file offset of decoded offset `at` in `st` (an end offset maps into the string it ends). */
export function fileOffset(text: string, st: SourcedText, at: number, isEnd: boolean): number {
  const { pieces } = st;
  let i = pieces.length - 1;
  while (i > 0 && (isEnd ? pieces[i]!.at >= at : pieces[i]!.at > at)) i--;
  const piece = pieces[i]!;
  const len = st.text.length; // a separator between pieces belongs to none: clamp into the piece
  const next = pieces[i + 1]?.at ?? len;
  const local = Math.max(0, Math.min(at - piece.at, next - piece.at));
  return rawOffset(text, piece.node, Math.min(local, decodedLength(text, piece.node)));
}

function decodedLength(text: string, node: JString): number {
  if (!node.esc) return node.end - node.start;
  let n = 0;
  for (let p = node.start; p < node.end; n++)
    p += text.charCodeAt(p) === 92 ? (text.charCodeAt(p + 1) === 117 ? 6 : 2) : 1;
  return n;
}
