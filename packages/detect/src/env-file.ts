// Editing one variable of a dotenv file (`.env`), as text: the one implementation the CLI
// (`create --env-file`, `rotate --env-file`) and the extension (Save to .env, Rotate) use.
// Pure: the file is read and written by the caller (core's envFile.ts decides how).
//
// Every assignment of the variable is replaced, not only the first: dotenv loaders and
// `source .env` let the last one win, so a file holding it twice would otherwise keep
// serving the old value. An `export ` prefix and the indentation are kept (a file made to
// be sourced still exports it); line endings follow the file's first one.

export interface EnvVarEdit {
  text: string;
  /** `updated`: an assignment was replaced; `added`: the variable was appended. */
  how: 'updated' | 'added';
  /** How many assignment lines were replaced. */
  replaced: number;
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function assignment(name: string): RegExp {
  return new RegExp(`^(\\s*(?:export\\s+)?)${escapeRegExp(name)}\\s*=(.*)$`);
}

/** `text` with `name` set to `value` (`name` must already be a valid variable name). */
export function setEnvVar(text: string, name: string, value: string): EnvVarEdit {
  const eol = /\r\n/.test(text) ? '\r\n' : '\n';
  const lines = text.length > 0 ? text.split(/\r?\n/) : [];
  const matcher = assignment(name);
  let replaced = 0;
  const out = lines.map((l) => {
    const m = matcher.exec(l);
    if (!m) return l;
    replaced++;
    return `${m[1]}${name}=${value}`;
  });
  if (replaced === 0) {
    if (out.length > 0 && out[out.length - 1] === '') out.pop();
    out.push(`${name}=${value}`, '');
  } else if (out.length > 0 && out[out.length - 1] !== '') out.push('');
  return { text: out.join(eol), how: replaced > 0 ? 'updated' : 'added', replaced };
}

/** The values `text` assigns to `name`, in order (one pair of matching quotes removed). */
export function envVarValues(text: string, name: string): string[] {
  const matcher = assignment(name);
  const values: string[] = [];
  for (const l of text.split(/\r?\n/)) {
    const m = matcher.exec(l);
    if (!m) continue;
    const v = m[2]!.trim();
    values.push(/^(["']).*\1$/.test(v) && v.length >= 2 ? v.slice(1, -1) : v);
  }
  return values;
}
