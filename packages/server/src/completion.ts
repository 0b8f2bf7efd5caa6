// Completion items where a token belongs. Real-token items carry only the token id: the
// edit they make is a no-op that marks the range, and the client's phq.insertToken command
// writes the value there (VS Code does not let resolve change an item's insert text).
import {
  CompletionItemKind,
  type CompletionItem,
  type CompletionList,
  type Range,
  type TextEdit,
} from 'vscode-languageserver';
import {
  CreateTokenAndInsert,
  InsertToken,
  isTokenCompletionData,
  type CreateTokenAndInsertArgs,
  type InsertTokenArgs,
  type TokenCompletionData,
} from '@phq-tokens/protocol';
import type { CompletionSite } from './completionContext';
import { envRef } from './engine';
import { envEdit } from '@phq-tokens/detect/env-edit';
import { importFor, type Lines } from '@phq-tokens/detect/env-import';
import { displayName } from './names';
import type { Settings } from './settings';
import { tokenMarkdown, scopesText } from './tokenText';
import { covers, rankTokens, scopeLabel, type TokenState } from './tokens';

export interface CompletionInput {
  uri: string;
  line: number;
  lineText: string;
  site: CompletionSite;
  languageId: string;
  isDotenv: boolean;
  settings: Settings;
  tokens: TokenState;
  families: ReadonlySet<string>;
  /** Client capability completionItem.labelDetailsSupport; without it the client part goes into the label. */
  labelDetailsSupport?: boolean;
  /** The whole document, for the import an env reference needs. */
  doc?: Lines;
  /** Git would commit this file: inserting a value asks first, offering the env reference. */
  gitTracked?: boolean;
}

export const UNTRUSTED_NOTE = 'Real tokens are not offered in an untrusted workspace';

export function completionItems(input: CompletionInput): CompletionList {
  const { site, line, lineText, tokens } = input;
  const range: Range = { start: { line, character: site.start }, end: { line, character: site.end } };
  const typed = lineText.slice(site.start, site.end);
  const noop = { range, newText: typed };
  const items: CompletionItem[] = [];
  // The env-variable route: the reference in the language's idiom, plus the import it needs.
  let envEdits: TextEdit[] | undefined;

  if (!input.isDotenv) {
    const lang = site.placeholder?.data.language ?? input.languageId;
    const ref = site.placeholder?.data.envReference ?? envRef(lang, input.settings.envVarName);
    const e = envEdit(lineText, site.start, site.end, lang, ref);
    const imp = input.doc ? importFor(input.doc, lang, ref) : undefined;
    const importEdit = imp && {
      range: { start: { line: imp.line, character: 0 }, end: { line: imp.line, character: 0 } },
      newText: imp.text,
    };
    const main = {
      range: { start: { line, character: e.start }, end: { line, character: e.end } },
      newText: e.newText,
    };
    envEdits = [...(importEdit ? [importEdit] : []), main];
    items.push({
      label: ref,
      kind: CompletionItemKind.Variable,
      detail: `Environment variable reference (keeps the token out of the file)`,
      sortText: '0',
      filterText: lineText.slice(e.start, e.end),
      textEdit: main,
      ...(importEdit && { additionalTextEdits: [importEdit] }),
    });
  }

  if (tokens.trusted === false) {
    items.push({
      label: UNTRUSTED_NOTE,
      kind: CompletionItemKind.Text,
      detail: 'Trust this workspace to insert one of your PredictHQ tokens.',
      sortText: '3',
      filterText: typed,
      textEdit: noop,
    });
  } else if (tokens.trusted === true) {
    // Tokens that can make the file's calls and whose value is here first (rankTokens), then the
    // ones that lack a scope the file needs, then those whose value is not on this machine:
    // choosing one of those asks for its value (the client imports it), it never fails.
    const ranked = rankTokens(tokens, input.families);
    const rest = tokens.tokens.filter((t) => !t.valueAvailable && !t.revoked);
    [...ranked, ...rest].forEach((t, i) => {
      const name = displayName(t.name);
      const args: InsertTokenArgs = {
        tokenId: t.id,
        uri: input.uri,
        range,
        ...(input.gitTracked && envEdits && { gitTracked: true, envEdits }),
      };
      const data: TokenCompletionData = { phq: 'token', tokenId: t.id };
      const missing = [...input.families].filter((f) => !covers(t, [f])).map((f) => scopeLabel(tokens, f));
      // What matters most first, and its key word first in it: the editor cuts a long
      // description at its end (at the default width "lacks Events" showed as "la…").
      const notes = [
        ...(missing.length ? [`${missing.join(', ')} scope${missing.length > 1 ? 's' : ''} missing`] : []),
        ...(t.valueAvailable ? [] : ['value not on this machine']),
        ...(name.client ? [`API client: ${name.client}`] : []),
      ];
      const details = input.labelDetailsSupport !== false;
      items.push({
        label: !details && name.client ? `${name.token} (${name.client})` : name.token,
        ...(details && notes.length ? { labelDetails: { description: notes.join(' · ') } } : {}),
        kind: CompletionItemKind.Value,
        detail: `${input.gitTracked ? 'Git would commit this file: you are asked first, .env offered. ' : ''}Scopes: ${scopesText(tokens, t)}${missing.length ? ` (this file also calls ${missing.join(', ')}: 403)` : ''}${t.valueAvailable ? '' : ' (value not on this machine: choose to paste it)'}`,
        sortText: `1${t.valueAvailable ? (missing.length ? '1' : '0') : '2'}${String(i).padStart(4, '0')}`,
        filterText: typed,
        preselect: i === 0 && t.valueAvailable && missing.length === 0,
        textEdit: noop,
        command: { title: `Insert token ${name.token}`, command: InsertToken.command, arguments: [args] },
        data,
      });
    });
    const create: CreateTokenAndInsertArgs = { uri: input.uri, range, scopes: [...input.families] };
    items.push({
      label: 'Create a new PredictHQ token…',
      kind: CompletionItemKind.Event,
      detail: input.families.size ? `With scopes: ${[...input.families].join(', ')}` : 'Choose its scopes',
      sortText: '2',
      filterText: typed,
      textEdit: noop,
      command: {
        title: 'Create a new token and insert it',
        command: CreateTokenAndInsert.command,
        arguments: [create],
      },
    });
  }
  return { isIncomplete: false, items };
}

/** completionItem/resolve: documentation for token items, from metadata only. */
export function resolveCompletion(item: CompletionItem, tokens: TokenState): CompletionItem {
  if (!isTokenCompletionData(item.data)) return item;
  const t = tokens.byId.get(item.data.tokenId);
  if (!t) return item;
  return {
    ...item,
    documentation: {
      kind: 'markdown',
      value: `${tokenMarkdown(tokens, t)}\n\nInserts the real token value. In shared code prefer the environment variable reference.`,
    },
  };
}
