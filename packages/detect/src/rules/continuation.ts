// A value on the next line (docs/detection.md, "Token sinks"): `phqApiKey:
// process.env.PREDICTHQ_API_KEY ||` with the literal on the line below, `PHQ_TOKEN =` /
// `TOKEN = (` / `... or \` then the value. The line that ends that way is read from its raw
// text (no lexer state), so the line below depends only on itself and the line above: the
// incremental scanner's model (document-scanner.ts) holds, and both scanners judge the line
// below whether or not it has a trigger of its own.
import { nameClass } from './sinks';

/** Cheap test of the last character before the regexes: = : ( | ? \ r (or) e (else). */
function mayContinue(c: number): boolean {
  return c === 61 || c === 58 || c === 40 || c === 124 || c === 63 || c === 92 || c === 114 || c === 101 || c === 62;
}

/** The line ends in an operator the expression must go on after. */
const OPEN_END = /(?:\|\||\?\?|(?<![\w.])or|(?<![\w.])else|[=:(]|=>|:=)\s*\\?$/;
/** Words that make a name a token's (as sinks.ts SINK_NAME_WORD), with the name around them. */
const NAMES = /[\w$.-]*(?:token|api[_-]?key|apikey|(?:phq|predicthq)[_-]?key)[\w$.-]*/gi;
const COMMENT_START = /^\s*(?:#|\/\/|\/\*|\*|--|;|<!--)/;

/**
 * For a line that ends inside a token expression (a token name assigned with nothing after
 * the operator, or a fallback operator at the end), the class of its best token name
 * ('phq' before 'generic'); null when the line below does not continue a token sink.
 */
export function continuedSink(line: string): 'phq' | 'generic' | null {
  let e = line.length;
  while (e > 0 && (line.charCodeAt(e - 1) === 32 || line.charCodeAt(e - 1) === 9 || line.charCodeAt(e - 1) === 13)) e--;
  if (e === 0 || !mayContinue(line.charCodeAt(e - 1))) return null;
  if (!OPEN_END.test(line.slice(0, e)) || COMMENT_START.test(line)) return null;
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
  if (e === 0 || !mayContinue(text.charCodeAt(e - 1))) return null;
  let a = e;
  while (a > 0 && a > e - TAIL && text.charCodeAt(a - 1) !== 10) a--;
  return continuedSink(text.slice(a, e));
}
