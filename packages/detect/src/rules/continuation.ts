// A value on the next line (docs/detection.md, "Token sinks"): `phqApiKey:
// process.env.PREDICTHQ_API_KEY ||` with the literal on the line below, `PHQ_TOKEN =` /
// `TOKEN = (` / `... or \` then the value. The line that ends that way is read from its raw
// text (no lexer state), so the line below depends only on itself and the line above: the
// incremental scanner's model (document-scanner.ts) holds, and both scanners judge the line
// below whether or not it has a trigger of its own.
import { nameClass } from './sink-names';

/** Cheap test of the last character before the regexes: = : ( | ? \ r (or) e (else). */
function mayContinue(c: number): boolean {
  return c === 61 || c === 58 || c === 40 || c === 124 || c === 63 || c === 92 || c === 114 || c === 101 || c === 62;
}

/** The line ends in an operator the expression must go on after. */
const OPEN_END = /(?:\|\||\?\?|(?<![\w.])or|(?<![\w.])else|[=:(]|=>|:=)\s*\\?$/;
/** Words that make a name a token's (as sinks.ts SINK_NAME_WORD), with the name around them. */
const NAMES = /[\w$.-]*(?:token|api[_-]?key|apikey|(?:phq|predicthq)[_-]?key)[\w$.-]*/gi;
const COMMENT_START = /^\s*(?:#|\/\/|\/\*|\*|--|;|<!--)/;
/** A comma after a quote: maybe `getenv("PHQ_TOKEN",` with the default on the line below. */
const QUOTE_BEFORE = /["']\s*,$/;
const LOOKUP_OPEN = /(?:getenv|environ\.get|ENV\.fetch|Sys\.getenv)\(\s*["']\w+["']\s*,$/;
/** A line that starts with a fallback operator: `or "..."`, `|| '...'`, `?? "..."`, `: '...'`, `else "..."`. */
const LEADING_OP = /^[ \t]*(?:\|\||\?\?|or(?=[ \t])|else(?=[ \t])|:(?=[ \t]))[ \t]*/;

/** Length of the fallback operator (with spaces) a line starts with, or 0. */
export function leadingOperator(lt: string): number {
  const m = LEADING_OP.exec(lt);
  return m ? m[0].length : 0;
}

/**
 * For a line that ends inside a token expression (a token name assigned with nothing after
 * the operator, or a fallback operator at the end), the class of its best token name
 * ('phq' before 'generic'); null when the line below does not continue a token sink.
 */
export function continuedSink(line: string, leading = false): 'phq' | 'generic' | null {
  let e = line.length;
  while (e > 0 && (line.charCodeAt(e - 1) === 32 || line.charCodeAt(e - 1) === 9 || line.charCodeAt(e - 1) === 13)) e--;
  if (e === 0 || COMMENT_START.test(line)) return null;
  // With an operator at the start of the line below, any end will do (`os.environ.get("X")` / `or "..."`).
  if (!leading) {
    const c = line.charCodeAt(e - 1);
    if (!mayContinue(c) && !(c === 44 && QUOTE_BEFORE.test(line.slice(0, e)))) return null;
    const head = line.slice(0, e);
    if (!OPEN_END.test(head) && !(c === 44 && LOOKUP_OPEN.test(head))) return null;
  }
  let best: 'phq' | 'generic' | null = null;
  NAMES.lastIndex = 0;
  for (let m = NAMES.exec(line); m; m = NAMES.exec(line)) {
    const c = nameClass(m[0].replace(/^[.$-]+|[.$-]+$/g, ''));
    if (c === 'phq') return c;
    if (c === 'generic') best = c;
  }
  return best;
}

/** How much of the line above is read: its end holds the name and the operator. */
const TAIL = 240;

/**
 * The class of the token expression the line above line start `ls` leaves open (see
 * continuedSink), or null. Reads only the last TAIL characters of that line, and only when
 * its last character can continue an expression: a minified line above is never scanned whole.
 */
export function continuedAbove(text: string, ls: number): 'phq' | 'generic' | null {
  if (ls === 0) return null;
  let e = ls - 1; // the '\n'
  while (e > 0) {
    const c = text.charCodeAt(e - 1);
    if (c !== 32 && c !== 9 && c !== 13) break;
    e--;
  }
  if (e === 0) return null;
  const c = text.charCodeAt(e - 1);
  // The line at ls starts with a fallback operator (cheap first-character test, then the regex).
  let i = ls;
  while (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9) i++;
  const f = text.charCodeAt(i);
  const leading =
    (f === 124 || f === 63 || f === 111 || f === 101 || f === 58) &&
    LEADING_OP.test(text.slice(ls, Math.min(text.length, i + 6)));
  if (!leading && !mayContinue(c) && c !== 44) return null;
  let a = e;
  while (a > 0 && a > e - TAIL && text.charCodeAt(a - 1) !== 10) a--;
  return continuedSink(text.slice(a, e), leading);
}
