// The pure parts of the debug-session injection (terminal/debug.ts), unit tested without VS Code.
import type * as vscode from 'vscode';
import { isRecord } from '../util/guards';

const OFFER_TYPES = new Set(['python', 'debugpy', 'node', 'pwa-node', 'node-terminal']);

/** The configuration with the variable added to `env`; unchanged when off, nothing applied, or already set. */
export function withTokenEnv(
  dbg: vscode.DebugConfiguration,
  token: { varName: string; value: string } | undefined,
  enabled: boolean,
): vscode.DebugConfiguration {
  // No type: VS Code is about to ask which debugger (no launch.json); adding env would stop that.
  if (!enabled || !token || !dbg.type) return dbg;
  const env: Record<string, unknown> = isRecord(dbg.env) ? dbg.env : {};
  if (token.varName in env) return dbg; // the configuration sets it itself (e.g. ${command:predicthqTokens.activeToken})
  return { ...dbg, env: { ...env, [token.varName]: token.value } };
}

/** Whether a session of `type` started from a file with `text` should get the offer. */
export function offerFor(type: string, text: string, varName: string): boolean {
  return OFFER_TYPES.has(type) && new RegExp(`\\b${varName}\\b`).test(text);
}
