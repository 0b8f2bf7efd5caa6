// What an untagged Markdown fence holds, line by line, and which file a prose line names
// (see markdown.ts). Conservative on purpose: a line is given a config dialect only when it
// has that dialect's shape and nothing of code (`token = get_token()` stays plain text).

/** The language id one line of an untagged fence is judged in. */
export function guessLine(line: string): string {
  const t = line.trimStart();
  if (/^(?:export\s+)?[A-Za-z_]\w*=/.test(t)) return 'dotenv';
  if (
    /^(?:\$\s+)?(?:curl|wget|http|export|npm|npx|pnpm|yarn|vercel|netlify|heroku|flyctl|gh|docker|python3?|pip|node|set|setx)\s/.test(
      t,
    )
  )
    return 'shellscript';
  if (/^\[[\w. "-]+\]\s*$/.test(t)) return 'toml';
  if (/^[\w.-]+\s*=\s*(["'])[^"']*\1\s*(?:#.*)?$/.test(t)) return 'toml';
  if (/^[\w.-]+\s*=\s*[^\s"'(){}[\],;]+\s*$/.test(t)) return 'ini';
  if (/^\{?\s*"[\w.-]+"\s*:/.test(t)) return 'json';
  if (/^(?:-\s+)?[a-z_][\w.-]*:(?:\s|$)/.test(t)) return 'yaml';
  return 'plaintext';
}

/**
 * The files whose snippets hold a token and whose format a line alone does not tell: .env
 * files, TOML (`.streamlit/secrets.toml`) and `.conf` (`predicthq.conf`). Few on purpose: every
 * needle is searched through the whole of each Markdown file (YAML and JSON lines are told by
 * their content anyway).
 */
const FILE = /(?:^|[\s`'"(/])((?:[\w.-]*\/)*[\w-]*\.(?:env(?:\.[\w-]+)*|toml|conf))(?=$|[\s`'"),:;]|\.(?:\s|$))/g;

/** Substrings of every name FILE matches (the lexer's relevant set). */
export const FILE_NEEDLES: readonly string[] = ['.env', '.toml', '.conf'];

/** The last file name a prose line names (".streamlit/secrets.toml", ".env.example"), or ''. */
export function namedFile(line: string): string {
  let last = '';
  FILE.lastIndex = 0;
  for (let m = FILE.exec(line); m; m = FILE.exec(line)) last = m[1]!;
  return last;
}
