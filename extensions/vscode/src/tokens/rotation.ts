// The file part of a rotation: where the workspace holds the old value and what
// each place becomes. An env-style file gets the new value in place; code gets the
// environment-variable reference in its language's idiom (split out of its string literal,
// with the import the idiom needs), and the new value goes to the workspace's .env; a
// notebook's code cells are rewritten the same way and outputs holding the value are cleared.
// Planned first (shown to the user), applied as one workspace edit, saved, and only then is
// the old token revoked (commands/rotateToken.ts).
import { envReference } from '@phq-tokens/detect/env-reference';
import { envEdit } from '@phq-tokens/detect/env-edit';
import { importFor } from '@phq-tokens/detect/env-import';
import { planEnvFile } from '@phq-tokens/core/envFile';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { outputText } from '../lsp/notebookOutputs';

export type PlaceKind = 'env' | 'code' | 'notebook';

export interface Place {
  uri: vscode.Uri;
  kind: PlaceKind;
  /** What happens there, in words for the plan. */
  what: string;
}

const ENV_FILE = /^\.env(\..+)?$|\.env$/;

export function placeKind(uri: vscode.Uri): PlaceKind {
  const base = path.posix.basename(uri.path);
  if (ENV_FILE.test(base)) return 'env';
  return base.endsWith('.ipynb') ? 'notebook' : 'code';
}

/** One line's text with every occurrence of `value` turned into the env reference for `languageId`. */
export function rewriteLine(line: string, value: string, languageId: string, reference: string): string {
  let out = line;
  for (let at = out.indexOf(value); at >= 0; at = out.indexOf(value)) {
    const e = envEdit(out, at, at + value.length, languageId, reference);
    out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  }
  return out;
}

/** The text with the value replaced by the reference on every line, plus the import the idiom needs. */
export function rewriteCode(text: string, value: string, languageId: string, varName: string): string {
  const reference = envReference(languageId, varName);
  const lines = text.split('\n').map((l) => (l.includes(value) ? rewriteLine(l, value, languageId, reference) : l));
  const imp = importFor({ lineCount: lines.length, lineText: (i) => lines[i] ?? '' }, languageId, reference);
  if (imp) lines.splice(imp.line, 0, imp.text.replace(/\n$/, ''));
  return lines.join('\n');
}

/** The edits a rotation makes to one place, added to `edit`. */
export async function addPlaceEdits(
  edit: vscode.WorkspaceEdit,
  place: Place,
  oldValue: string,
  newValue: string,
  varName: string,
): Promise<void> {
  if (place.kind === 'notebook') {
    const nb = await vscode.workspace.openNotebookDocument(place.uri);
    const cells: vscode.NotebookEdit[] = [];
    for (const cell of nb.getCells()) {
      const text = cell.document.getText();
      const inSource = cell.kind === vscode.NotebookCellKind.Code && text.includes(oldValue);
      const inOutput = cell.outputs.some((o) => outputText(o).includes(oldValue));
      if (!inSource && !inOutput) continue;
      const data = new vscode.NotebookCellData(
        cell.kind,
        inSource ? rewriteCode(text, oldValue, cell.document.languageId, varName) : text,
        cell.document.languageId,
      );
      data.metadata = cell.metadata;
      data.outputs = inOutput ? [] : [...cell.outputs];
      cells.push(vscode.NotebookEdit.replaceCells(new vscode.NotebookRange(cell.index, cell.index + 1), [data]));
    }
    // Each replacement keeps the cell count, so indexes stay valid in order.
    edit.set(nb.uri, cells);
    return;
  }
  const doc = await vscode.workspace.openTextDocument(place.uri);
  const text = doc.getText();
  const next =
    place.kind === 'env' ? text.split(oldValue).join(newValue) : rewriteCode(text, oldValue, doc.languageId, varName);
  edit.replace(place.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(text.length)), next);
}

export function describePlace(uri: vscode.Uri, kind: PlaceKind, varName: string): Place {
  const what =
    kind === 'env'
      ? 'the new value replaces the old one'
      : kind === 'notebook'
        ? `code cells read ${varName} from the environment; outputs that hold the token are cleared`
        : `the token becomes a read of ${varName} from the environment`;
  return { uri, kind, what };
}

/**
 * Places the rotation must not write: read-only by the editor's file system or, for files on
 * disk, by the write policy the CLI follows too (core's envFile.ts: no owner write bit, a link
 * to nothing, not a regular file; checked directly: an editor running as root would write anyway).
 */
export async function readOnlyPlaces(places: readonly Place[]): Promise<Place[]> {
  const out: Place[] = [];
  for (const p of places) {
    try {
      const s = await vscode.workspace.fs.stat(p.uri);
      const locked = ((s.permissions ?? 0) & vscode.FilePermission.Readonly) !== 0;
      if (p.uri.scheme === 'file') planEnvFile(p.uri.fsPath);
      if (locked) out.push(p);
    } catch {
      out.push(p); // refused by the policy, or gone since the plan: not writable as planned
    }
  }
  return out;
}

/** What each place looked like on disk when the plan was made (modification time and size). */
export async function snapshot(places: readonly Place[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const p of places) out.set(p.uri.toString(), await fingerprint(p.uri));
  return out;
}

/** Places whose file changed on disk since `before` was taken (edited, replaced, or gone). */
export async function changedPlaces(places: readonly Place[], before: Map<string, string>): Promise<Place[]> {
  const out: Place[] = [];
  for (const p of places) if ((await fingerprint(p.uri)) !== before.get(p.uri.toString())) out.push(p);
  return out;
}

async function fingerprint(uri: vscode.Uri): Promise<string> {
  try {
    const s = await vscode.workspace.fs.stat(uri);
    return `${s.mtime}:${s.size}`;
  } catch {
    return 'gone';
  }
}
