// JSON strings that a shell runs: npm scripts (every string of package.json), Claude Code's
// permission rules (`"Bash(curl -H \"Authorization: Bearer $PHQ_API_TOKEN\" ...)"`) and the
// values of command keys (`"command": "..."` in .vscode/tasks.json, devcontainer.json). In
// them `$NAME` in double quotes is expanded, and `NAME=value` before a command sets a variable.
import { Interp } from '../lexer/types';
import type { LineCtx } from './line';

const COMMAND_KEY = /"(?:command|cmd|script|shell|postCreateCommand|postStartCommand|preLaunchTask)"\s*:\s*$/;

/** Whether string segment k (its opening quote just before it) holds a shell command. */
export function holdsShell(lc: LineCtx, k: number): boolean {
  if (lc.segs[k + 3] !== Interp.None || lc.segs[k + 4] !== 0) return false;
  if (lc.ctx.shellStrings) return true;
  const lang = lc.ctx.dialect.languageId;
  if (lang !== 'json' && lang !== 'jsonc') return false;
  const s = lc.segs[k]!;
  if (lc.text.startsWith('Bash(', s)) return true;
  return COMMAND_KEY.test(lc.text.slice(Math.max(lc.ls, s - 40), s - 1));
}
