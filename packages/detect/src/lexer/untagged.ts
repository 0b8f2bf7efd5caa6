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
 * files, TOML (`.streamlit/secrets.toml`) and `.conf` (`predicthq.conf`). YAML and JSON lines
 * are told by their content.
 */
const FILE = /(?:^|[\s`'"(/])((?:[\w.-]*\/)*[\w-]*\.(?:env(?:\.[\w-]+)*|toml|conf))(?=$|[\s`'"),:;]|\.(?:\s|$))/gm;

/** The last file name a text names (".streamlit/secrets.toml", ".env.example"), or ''. */
export function namedFile(text: string): string {
  let last = '';
  FILE.lastIndex = 0;
  for (let m = FILE.exec(text); m; m = FILE.exec(text)) last = m[1]!;
  return last;
}
