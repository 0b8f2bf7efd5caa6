import * as vscode from 'vscode';
import { promptForSignIn } from '../auth/provider';
import { stringProp } from '../util/guards';
import type { CommandContext } from './context';

/** Sign in (another) account. Args `{baseUrl, credential}` skip the prompts (tests, scripts). */
export async function signIn(ctx: CommandContext, arg?: unknown): Promise<string> {
  // From a tree node ({sessionId}: "sign in again"), offer that account's API URL.
  const sessionId = stringProp(arg, 'sessionId');
  const baseUrl = stringProp(arg, 'baseUrl') ?? (sessionId ? ctx.accounts.get(sessionId)?.baseUrl : undefined);
  const credential = stringProp(arg, 'credential');
  const input = baseUrl && credential ? { baseUrl, credential } : await promptForSignIn(baseUrl ?? ctx.config.apiUrl);
  const session = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Signing in to PredictHQ…' },
    () => ctx.auth.signIn(input.baseUrl, input.credential),
  );
  // Loads a new account, or reloads one signed in again (e.g. after a 401); a load already
  // started by the account-store event is shared, not repeated.
  await ctx.repo.syncAccounts();
  await ctx.repo.refresh(session.id);
  return session.id;
}

/** The welcome view's "Use the local emulator": sign-in with the emulator's URL prefilled. */
export async function signInEmulator(ctx: CommandContext, arg?: unknown): Promise<string> {
  const baseUrl = stringProp(arg, 'baseUrl') ?? ctx.config.emulatorUrl;
  return signIn(ctx, { baseUrl, credential: stringProp(arg, 'credential') });
}
