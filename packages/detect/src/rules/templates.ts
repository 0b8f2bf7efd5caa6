// Configuration templates (.env.example, .env.sample, .env.template, *.env.dist,
// env-template.txt, secrets.toml.example, config.example.yaml): a placeholder there is the
// point of the file, so it is reported at info with a template message; a real-looking token
// there is still a leak (hardcoded-token stays an error). Only configuration formats: an
// `example.py` is code that runs as written.
import type { Finding } from '../types';
import type { LineCtx } from './line';
import * as M from './messages';

const TEMPLATE_NAME =
  /(?:^|[._-])(?:examples?|samples?|templates?|tpl|dist|skel(?:eton)?)(?:[._-][^\\/]*)?$|^(?:examples?|samples?|templates?)[._-]/i;
const CONFIG_DIALECTS = new Set(['dotenv', 'ini', 'properties', 'yaml', 'toml', 'json', 'plaintext']);

/** Whether the file is a configuration template, judged by its base name and its dialect. */
export function isTemplate(fileName: string | undefined, languageId: string): boolean {
  if (!fileName || !CONFIG_DIALECTS.has(languageId)) return false;
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  return TEMPLATE_NAME.test(base);
}

export const TEMPLATE_SEVERITY = 'info';

/** Lowers a placeholder finding in a template to info with the template message (unless the user set its severity). */
export function lowerInTemplates(lc: LineCtx, f: Finding): void {
  if (!lc.ctx.template || f.kind !== 'placeholder' || lc.ctx.severities[f.kind] !== undefined) return;
  f.severity = TEMPLATE_SEVERITY;
  f.message = M.templateMessage(f.match);
}
