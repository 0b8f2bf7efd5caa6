// Quick fixes and the fix-all source action. Actions that write a token value are client
// commands naming the token id; actions that write an env reference are plain edits.
import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver';
import {
  CreateTokenAndInsert,
  FIX_ALL_KIND,
  InsertToken,
  OfferTerminalToken,
  RotateToken,
  UseTokenInWorkspace,
  type CreateTokenAndInsertArgs,
  type InsertTokenArgs,
} from '@phq-tokens/protocol';
import type { Finding } from './engine';
import { KINDS } from '@phq-tokens/detect';
import { envEdit, envEdits } from '@phq-tokens/detect/env-edit';
import { importFor, type Lines } from '@phq-tokens/detect/env-import';
import { displayNameText } from './names';
import { MISSING_SCOPE_RULE, scopeProblems } from './scopeCheck';
import { covers, preferredToken, rankTokens, scopeLabel, type TokenState } from './tokens';
import type { PositionMapper } from './diagnostics';

export interface CodeActionInput {
  uri: string;
  version: number;
  doc: PositionMapper & Lines;
  findings: readonly Finding[];
  range: Range;
  only: readonly string[] | undefined;
  contextDiagnostics: readonly Diagnostic[];
  tokens: TokenState;
  families: ReadonlySet<string>;
  /** Client capability codeAction.disabledSupport: only then are disabled actions sent. */
  disabledSupport?: boolean;
  /** Git would commit this file: inserting a value asks first, offering the env reference. */
  gitTracked?: boolean;
}

function wants(only: readonly string[] | undefined, kind: string): boolean {
  return !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

function before(a: { line: number; character: number }, b: { line: number; character: number }): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

function overlaps(a: Range, b: Range): boolean {
  return !before(a.end, b.start) && !before(b.end, a.start);
}

function rangeOf(doc: PositionMapper, offset: number, length: number): Range {
  return { start: doc.positionAt(offset), end: doc.positionAt(offset + length) };
}

/** The env-reference edit for a finding, plus the import its idiom needs when the file lacks it. */
export function envTextEdits(doc: CodeActionInput['doc'], f: Finding): TextEdit[] {
  const edit = envTextEdit(doc, f);
  const imp = importFor(doc, f.data.language, f.data.envReference);
  if (!imp) return [edit];
  const at = { line: imp.line, character: 0 };
  return [{ range: { start: at, end: at }, newText: imp.text }, edit];
}

/** The env-reference edit for a finding, widened to its string literal where needed. */
export function envTextEdit(doc: CodeActionInput['doc'], f: Finding): TextEdit {
  const r = rangeOf(doc, f.offset, f.length);
  if (r.start.line !== r.end.line) return { range: r, newText: f.data.envReference };
  const line = doc.lineText(r.start.line);
  const e = envEdit(line, r.start.character, r.end.character, f.data.language, f.data.envReference);
  return {
    range: { start: { line: r.start.line, character: e.start }, end: { line: r.start.line, character: e.end } },
    newText: e.newText,
  };
}

function diagsFor(input: CodeActionInput, range: Range, code: string): Diagnostic[] {
  return input.contextDiagnostics.filter(
    (d) =>
      d.code === code &&
      d.range.start.line === range.start.line &&
      d.range.start.character === range.start.character &&
      d.range.end.line === range.end.line &&
      d.range.end.character === range.end.character,
  );
}

function placeholderFixes(input: CodeActionInput, f: Finding, r: Range): CodeAction[] {
  const out: CodeAction[] = [];
  const diagnostics = diagsFor(input, r, f.ruleId);
  const { tokens, uri, version } = input;
  const preferred = tokens.trusted === true ? preferredToken(tokens, input.families) : undefined;
  if (tokens.trusted === true) {
    for (const t of rankTokens(tokens, input.families)) {
      const args: InsertTokenArgs = {
        tokenId: t.id,
        uri,
        range: r,
        version,
        ...(input.gitTracked && { gitTracked: true, envEdits: envTextEdits(input.doc, f) }),
      };
      out.push({
        title: `Replace with token "${displayNameText(t.name)}"${input.gitTracked ? ' (asks first: git would commit this file)' : ''}`,
        kind: CodeActionKind.QuickFix,
        diagnostics,
        isPreferred: t === preferred,
        command: { title: 'Insert token', command: InsertToken.command, arguments: [args] },
      });
    }
    for (const t of input.disabledSupport ? tokens.tokens.filter((x) => !x.valueAvailable) : [])
      out.push({
        title: `Replace with token "${displayNameText(t.name)}"`,
        kind: CodeActionKind.QuickFix,
        diagnostics,
        disabled: { reason: 'Its value is not stored on this machine.' },
      });
  }
  out.push({
    title: `Replace with ${f.data.envReference}`,
    kind: CodeActionKind.QuickFix,
    diagnostics,
    isPreferred: preferred === undefined,
    edit: { changes: { [uri]: envTextEdits(input.doc, f) } },
    // After the edit: the code reads the variable, so the client offers a token for the terminals.
    command: { title: 'Offer a token for terminals', command: OfferTerminalToken.command },
  });
  if (tokens.trusted === true) {
    const args: CreateTokenAndInsertArgs = { uri, range: r, scopes: [...input.families], version };
    out.push({
      title: 'Create a new token and insert it',
      kind: CodeActionKind.QuickFix,
      diagnostics,
      command: { title: 'Create a new token and insert it', command: CreateTokenAndInsert.command, arguments: [args] },
    });
  }
  return out;
}

function secretFixes(input: CodeActionInput, f: Finding, r: Range): CodeAction[] {
  const diagnostics = diagsFor(input, r, f.ruleId);
  const out: CodeAction[] = [
    {
      title: `Replace the token with ${f.data.envReference}`,
      kind: CodeActionKind.QuickFix,
      diagnostics,
      isPreferred: true,
      edit: { changes: { [input.uri]: envTextEdits(input.doc, f) } },
    },
  ];
  // One of the user's own tokens: it may have been shared already, so offer to replace it
  // everywhere and revoke it (the client's rotation flow asks before doing anything).
  const tokenId = f.kind === 'known-token' ? f.data.tokenId : undefined;
  const token = tokenId ? input.tokens.byId.get(tokenId) : undefined;
  if (token)
    out.push({
      title: `Rotate token "${displayNameText(token.name)}"…`,
      kind: CodeActionKind.QuickFix,
      diagnostics,
      command: { title: 'Rotate token', command: RotateToken.command, arguments: [{ tokenId: token.id }] },
    });
  return out;
}

function scopeFixes(input: CodeActionInput): CodeAction[] {
  const out: CodeAction[] = [];
  if (input.tokens.trusted !== true) return out;
  for (const p of scopeProblems(input.findings, input.tokens)) {
    const r = rangeOf(input.doc, p.offset, p.length);
    if (!overlaps(r, input.range)) continue;
    const label = scopeLabel(input.tokens, p.family);
    const diagnostics = diagsFor(input, r, MISSING_SCOPE_RULE);
    // The fix swaps the token written in the file; a workspace-chosen token is swapped in the view.
    const site = input.findings.find((f) => f.kind === 'known-token' && f.data.tokenId === p.token.id);
    if (!site) {
      out.push({
        title: `Choose a token with the ${label} scope for this workspace…`,
        kind: CodeActionKind.QuickFix,
        diagnostics,
        command: { title: 'Use token in this workspace', command: UseTokenInWorkspace.command, arguments: [] },
      });
      continue;
    }
    const siteRange = rangeOf(input.doc, site.offset, site.length);
    const candidates = rankTokens(input.tokens, input.families).filter((t) => t.scopes.includes(p.family));
    candidates.forEach((t, i) => {
      const args: InsertTokenArgs = { tokenId: t.id, uri: input.uri, range: siteRange, version: input.version };
      out.push({
        title: `Use token "${displayNameText(t.name)}" instead (has ${label})`,
        kind: CodeActionKind.QuickFix,
        diagnostics,
        isPreferred: i === 0 && covers(t, input.families),
        command: { title: 'Insert token', command: InsertToken.command, arguments: [args] },
      });
    });
    // None has it, or the user wants a fresh one: create it (a management API) or open the
    // WebApp to create it and paste it (tokens on this machine); the client decides which.
    const create: CreateTokenAndInsertArgs = {
      uri: input.uri,
      range: siteRange,
      scopes: [...new Set([...input.families, p.family])],
      version: input.version,
    };
    out.push({
      title: `Create a token with the ${label} scope…`,
      kind: CodeActionKind.QuickFix,
      diagnostics,
      command: { title: 'Create a token and insert it', command: CreateTokenAndInsert.command, arguments: [create] },
    });
  }
  return out;
}

/**
 * source.fixAll.phq: every placeholder to the env reference, in one run (placeholders sharing a
 * literal are rewritten together), plus the import the idiom needs. Never a token value: it
 * runs unattended (e.g. on save), so it only writes references.
 */
function fixAll(input: CodeActionInput): CodeAction | undefined {
  const byLine = new Map<number, Finding[]>();
  let multiLine: Finding[] = [];
  for (const f of input.findings) {
    if (!KINDS[f.kind].fixAll) continue;
    const r = rangeOf(input.doc, f.offset, f.length);
    if (r.start.line !== r.end.line) multiLine = [...multiLine, f];
    else byLine.set(r.start.line, [...(byLine.get(r.start.line) ?? []), f]);
  }
  const edits: TextEdit[] = multiLine.map((f) => envTextEdit(input.doc, f));
  let first: Finding | undefined = multiLine[0];
  for (const [line, fs] of byLine) {
    first ??= fs[0];
    const spans = fs.map((f) => {
      const r = rangeOf(input.doc, f.offset, f.length);
      return { start: r.start.character, end: r.end.character, reference: f.data.envReference };
    });
    for (const e of envEdits(input.doc.lineText(line), spans, fs[0]!.data.language))
      edits.push({
        range: { start: { line, character: e.start }, end: { line, character: e.end } },
        newText: e.newText,
      });
  }
  if (!first) return undefined;
  const imp = importFor(input.doc, first.data.language, first.data.envReference);
  if (imp) {
    const at = { line: imp.line, character: 0 };
    edits.unshift({ range: { start: at, end: at }, newText: imp.text });
  }
  return {
    title: 'Fix all placeholders in this file',
    kind: FIX_ALL_KIND,
    edit: { changes: { [input.uri]: edits } },
  };
}

export function codeActions(input: CodeActionInput): CodeAction[] {
  const out: CodeAction[] = [];
  if (wants(input.only, CodeActionKind.QuickFix)) {
    for (const f of input.findings) {
      const r = rangeOf(input.doc, f.offset, f.length);
      if (!overlaps(r, input.range)) continue;
      const fixes = KINDS[f.kind].fixes;
      if (fixes === 'placeholder') out.push(...placeholderFixes(input, f, r));
      else if (fixes === 'secret') out.push(...secretFixes(input, f, r));
    }
    out.push(...scopeFixes(input));
  }
  if (wants(input.only, FIX_ALL_KIND)) {
    const a = fixAll(input);
    if (a) out.push(a);
  }
  return out;
}
