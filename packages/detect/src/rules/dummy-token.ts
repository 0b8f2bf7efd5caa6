// phq/dummy-token: a literal in a token sink that cannot be a real token (short, words,
// spaces, brackets, sequences such as 123456 or xxxx): PredictHQ answers 401. The sinks and
// the verdict come from the sink model (sinks.ts); a value that can be a token is left to
// hardcoded-token. Known placeholder spellings are left to phq/placeholder (it runs first).
import { hasFallback } from './fallback';
import { judgePlaceholder } from './placeholder';
import type { Rule } from './rule';
import { LOOSE, sinkApplies, sinksOf } from './sinks';

/**
 * Token-ish name then an assignment operator then a quote (code), or a bare name as the whole
 * value (`access_token=secret`: followed to its literal, follow.ts; judged by hardcoded-token).
 */
const NAMED_QUOTED =
  /(?:ken|key)[\w.$-]*\\?["'\]]{0,2}\s*(?::[ \t]*[A-Za-z_][\w.[\], |]*)?(?::=|=>|=|:)\s*(?:[rbuf]{0,2}\\?["'`]|[A-Za-z_$][\w$.]*\s*(?:[,)};]|$))/i;
const NAMED_ANY = /(?:ken|key)[\w.$-]*\\?["'\]]{0,2}\s*(?::=|=>|=|:)\s*[^\s=]/i;
const DOCKER_ENV = /^\s*(?:ENV|ARG)\s/i;
/** A token-named environment lookup with a literal default: getenv("PHQ_TOKEN", "..."), process.env.X || '...'. */
const ENV_DEFAULT_VALUE = /(?:ken|key)\w*["']?\s*(?:\]\s*)?(?:,\s*(?:unset\s*=\s*)?|\|\||\?\?)\s*[rbuf]{0,2}["'`]/i;
/** A literal after a fallback operator (or, ||, ??, else, a ternary's " : "), see fallback.ts. */
const FALLBACK_VALUE = /(?:\bor|\|\||\?\?|\belse|\s:)\s*[rbuf]{0,2}\\?["'`]/;
/**
 * "Bearer <value>" where the value ends the string (a quote or the line end follows), is
 * bracketed, or is an instruction in words ("Bearer Your API Token"; sinks.ts bounds it).
 */
const BEARER_VALUE =
  /bearer[ \t]+(?:[<[{(]|(?:your|my|insert|enter|paste|put|replace)\b|[^\s"'`,;\\]+\s*(?:["'`,;\\]|$))/i;

export const dummyTokenRule: Rule = {
  id: 'phq/dummy-token',
  kind: 'placeholder',
  overlap: 'placeholder',
  severity: 'error',
  sarif: {
    name: 'DummyTokenValue',
    short: 'A value that cannot be a token, where PredictHQ reads its token',
    full: 'A literal in a token position (the SDK client, an Authorization: Bearer header, a PredictHQ token variable or config key) that cannot be a real token: too short, words, spaces, brackets or a sequence. The API answers 401.',
  },
  docs: 'dummy-token',
  runsIn: 'engine',
  triggers: ['ken', 'bearer'],
  // Merged into the engine's one prefilter regex; unquoted values only in config and shell.
  prefilter: new RegExp(`${BEARER_VALUE.source}|${NAMED_QUOTED.source}|${ENV_DEFAULT_VALUE.source}`),
  mayFire(ctx, lt) {
    if (hasFallback(lt) && FALLBACK_VALUE.test(lt)) return true;
    if (!LOOSE.has(ctx.dialect.languageId)) return false;
    return NAMED_ANY.test(lt) || (ctx.dialect.languageId === 'dockerfile' && DOCKER_ENV.test(lt));
  },
  judge(lc, lt) {
    for (const sink of sinksOf(lc, lt)) {
      if (sink.verdict !== 'dummy' || !sinkApplies(lc, sink)) continue;
      judgePlaceholder(lc, sink.start, sink.start + sink.value.length, 0, 'phq/dummy-token', sink.why);
    }
  },
  fixtures: [
    { text: 'from predicthq import Client\nphq = Client(access_token="xyz789")', options: { languageId: 'python' } },
    { text: 'headers = {"Authorization": "Bearer <YOUR TOKEN HERE>"}', options: { languageId: 'python' } },
    {
      text: 'URL = "https://api.predicthq.com/v1/events/"\nheaders = {"Authorization": "Bearer Your API Token"}',
      options: { languageId: 'python' },
    },
    { text: 'PHQ_API_TOKEN=changeme', options: { languageId: 'dotenv', fileName: '.env' } },
    { text: '[predicthq]\napi_key = "test"', options: { languageId: 'toml', fileName: '.streamlit/secrets.toml' } },
    { text: 'ENV PHQ_API_TOKEN replace-me', options: { languageId: 'dockerfile', fileName: 'Dockerfile' } },
  ],
};
