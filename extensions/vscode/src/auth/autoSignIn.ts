// Scripted start-up for the demo (`npm start`) and the UI tests: when the extension host's
// environment names a local emulator (PHQ_TOKENS_EMULATOR_URL + PHQ_TOKENS_EMULATOR_CREDENTIAL),
// sign in to it once at activation. The environment, not settings, because settings never
// hold credentials; loopback URLs only, because a real credential belongs in the sign-in
// prompt (SecretStorage), not in a process environment.
import { coreApi } from '../core';
import * as vscode from 'vscode';
import type { AccountStore } from './accountStore';

export const AUTO_SIGN_IN_ENV = {
  url: 'PHQ_TOKENS_EMULATOR_URL',
  credential: 'PHQ_TOKENS_EMULATOR_CREDENTIAL',
} as const;

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The emulator to sign in to, or undefined when the environment names none (or a non-loopback URL). */
export function autoSignInTarget(
  env: NodeJS.ProcessEnv,
  accounts: AccountStore,
): { baseUrl: string; credential: string } | undefined {
  const url = env[AUTO_SIGN_IN_ENV.url];
  const credential = env[AUTO_SIGN_IN_ENV.credential];
  if (!url || !credential) return undefined;
  let baseUrl: string;
  try {
    baseUrl = coreApi().normalizeBaseUrl(url);
  } catch {
    return undefined;
  }
  if (!LOOPBACK.has(new URL(baseUrl).hostname)) return undefined;
  if (accounts.list().some((a) => a.baseUrl === baseUrl && a.kind !== 'local')) return undefined; // already signed in
  return { baseUrl, credential };
}

/** Runs the ordinary sign-in command (progress, error reporting) with the environment's emulator. */
export function autoSignIn(accounts: AccountStore): void {
  const target = autoSignInTarget(process.env, accounts);
  if (target) void vscode.commands.executeCommand('predicthqTokens.signInEmulator', target);
}
