// phq/browser-exposure: a PredictHQ token or key in a NEXT_PUBLIC_, VITE_, REACT_APP_ or
// EXPO_PUBLIC_ variable, where defined or read: bundlers ship those to every visitor.
import { Seg } from '../lexer/types';
import { dialectOf, push, segAt } from './line';
import * as M from './messages';
import * as P from './patterns';
import type { Rule } from './rule';

const HAS_PHQ = /PHQ|PREDICTHQ/i;
const SECRETISH = /TOKEN|KEY/i;

export const browserExposureRule: Rule = {
  id: 'phq/browser-exposure',
  kind: 'browser-exposure',
  severity: 'warning',
  sarif: {
    name: 'BrowserExposure',
    short: 'Token in a browser-exposed variable',
    full: 'A NEXT_PUBLIC_, VITE_, REACT_APP_ or EXPO_PUBLIC_ variable is bundled into client code, so every visitor gets the token.',
  },
  docs: 'browser-exposure',
  runsIn: 'engine',
  triggers: ['ken'],
  prefilter: /(?:_PUBLIC_|VITE_|REACT_APP_)\w*(?:TOKEN|KEY)/,
  judge(lc, lt) {
    const re = P.BROWSER_VAR;
    re.lastIndex = 0;
    for (let m = re.exec(lt); m; m = re.exec(lt)) {
      const rest = m[2]!;
      if (!HAS_PHQ.test(rest) || !SECRETISH.test(rest)) continue;
      const s = lc.ls + m.index;
      const k = segAt(lc.segs, s);
      const kind = k >= 0 ? lc.segs[k + 2] : 0;
      if (kind === Seg.Comment || (kind === Seg.Prose && !lc.ctx.prose)) continue;
      const d = dialectOf(lc, k);
      push(
        lc,
        'browser-exposure',
        'phq/browser-exposure',
        s,
        s + m[0].length,
        m[0],
        M.browserMessage(m[0], m[1]!),
        d,
        {},
        rest,
      );
    }
  },
  fixtures: [
    { text: 'NEXT_PUBLIC_PHQ_API_TOKEN=abc', options: { languageId: 'dotenv', fileName: '.env' } },
    { text: 'const t = import.meta.env.VITE_PREDICTHQ_KEY;', options: { languageId: 'typescript' } },
  ],
};
