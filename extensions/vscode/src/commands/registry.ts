// Command ids -> functions, each run inside the one error wrapper (docs/conventions.md, "Commands" and "Errors").
import * as vscode from 'vscode';
import type { CommandContext, Command } from './context';
import { clearCellOutputs } from '../lsp/notebookOutputs';
import { stringProp } from '../util/guards';
import { addToken } from './addToken';
import { checkScopes } from './checkScopes';
import { copyToken, copyTokenId } from './copy';
import { createToken } from './createToken';
import { deleteToken } from './deleteToken';
import type { ErrorReporter } from './handleError';
import { importTokenValue } from './importTokenValue';
import { CreateTokenAndInsert, InsertToken, createTokenAndInsert, insertToken } from './insertToken';
import { renameToken } from './renameToken';
import { rotateToken } from './rotateToken';
import { scanGitHistory } from './scanGitHistory';
import { scanWorkspace } from './scanWorkspace';
import { signIn, signInEmulator } from './signIn';
import { signOut } from './signOut';
import { useInWorkspace } from './useInWorkspace';
import {
  activeToken,
  offerTerminalToken,
  stopUsingInTerminals,
  terminalTokenMenu,
  useInTerminals,
} from './useInTerminals';
import { verifyToken } from './verifyToken';
import { viewScopes } from './viewScopes';
import {
  clearFilter,
  filter,
  openDocs,
  openWebApp,
  openWebAppTokens,
  refresh,
  showLogs,
  showMore,
  sortBy,
} from './view';

/** id -> [function, what the user tried to do (for error messages)] */
export const COMMANDS: Record<string, [Command, string]> = {
  'predicthqTokens.signIn': [signIn, 'sign in'],
  'predicthqTokens.signInEmulator': [signInEmulator, 'sign in to the emulator'],
  'predicthqTokens.signOut': [signOut, 'sign out'],
  'predicthqTokens.forgetAll': [signOut, 'forget the tokens on this machine'],
  'predicthqTokens.addToken': [addToken, 'add the token'],
  'predicthqTokens.checkScopes': [checkScopes, 'check the scopes'],
  'predicthqTokens.clearCellOutputs': [
    (_ctx, arg) => clearCellOutputs(stringProp(arg, 'cell') ?? ''),
    "clear the cell's outputs",
  ],
  'predicthqTokens.createToken': [createToken, 'create the token'],
  'predicthqTokens.renameToken': [renameToken, 'rename the token'],
  'predicthqTokens.rotateToken': [rotateToken, 'rotate the token'],
  'predicthqTokens.deleteToken': [deleteToken, 'delete the token'],
  'predicthqTokens.forgetToken': [deleteToken, 'forget the token'],
  'predicthqTokens.copyToken': [copyToken, 'copy the token'],
  'predicthqTokens.copyTokenId': [copyTokenId, 'copy the token id'],
  'predicthqTokens.viewScopes': [viewScopes, 'show the scopes'],
  'predicthqTokens.verifyToken': [verifyToken, 'verify the token'],
  'predicthqTokens.importTokenValue': [importTokenValue, 'import the token value'],
  'predicthqTokens.useInWorkspace': [useInWorkspace, 'choose the workspace token'],
  'predicthqTokens.refresh': [refresh, 'load the tokens'],
  'predicthqTokens.filter': [filter, 'filter the tokens'],
  'predicthqTokens.clearFilter': [clearFilter, 'clear the filter'],
  'predicthqTokens.sortBy': [sortBy, 'sort the tokens'],
  'predicthqTokens.showMore': [showMore, 'show more tokens'],
  'predicthqTokens.openWebApp': [openWebApp, 'open the web app'],
  'predicthqTokens.openWebAppTokens': [openWebAppTokens, 'open the API Tokens page'],
  'predicthqTokens.openDocs': [openDocs, 'open the docs'],
  'predicthqTokens.showLogs': [showLogs, 'show the logs'],
  'predicthqTokens.scanWorkspace': [scanWorkspace, 'scan the workspace'],
  'predicthqTokens.scanGitHistory': [scanGitHistory, 'scan the git history'],
  'predicthqTokens.useInTerminals': [useInTerminals, 'use the token in terminals'],
  'predicthqTokens.stopUsingInTerminals': [stopUsingInTerminals, 'stop using the token in terminals'],
  'predicthqTokens.terminalTokenMenu': [terminalTokenMenu, 'change the token in terminals'],
  'predicthqTokens.activeToken': [activeToken, 'resolve ${command:predicthqTokens.activeToken}'],
  'predicthqTokens.offerTerminalToken': [offerTerminalToken, 'offer a token for terminals'],
  [InsertToken.command]: [insertToken, 'insert the token'],
  [CreateTokenAndInsert.command]: [createTokenAndInsert, 'create and insert a token'],
};

export function registerCommands(ctx: CommandContext, errors: ErrorReporter): vscode.Disposable[] {
  return Object.entries(COMMANDS).map(([id, [fn, what]]) =>
    vscode.commands.registerCommand(id, (...args: unknown[]) => errors.run(id, what, () => fn(ctx, ...args))),
  );
}
