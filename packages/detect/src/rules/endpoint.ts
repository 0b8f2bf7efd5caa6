// phq/endpoint: the file calls a PredictHQ API family (/v1/<family>/); feeds the scope check.
import { Seg } from '../lexer/types';
import { dialectOf, push, segAt } from './line';
import * as M from './messages';
import * as P from './patterns';
import type { Rule } from './rule';

export const endpointRule: Rule = {
  id: 'phq/endpoint',
  kind: 'endpoint',
  severity: 'hint',
  sarif: {
    name: 'Endpoint',
    short: 'PredictHQ API family called',
    full: 'The file calls a PredictHQ API family; the token needs the matching scope.',
  },
  docs: 'endpoint',
  runsIn: 'engine',
  triggers: ['v1'],
  prefilter: /\/v1\//,
  judge(lc, lt) {
    const re = P.ENDPOINT;
    re.lastIndex = 0;
    for (let m = re.exec(lt); m; m = re.exec(lt)) {
      const s = lc.ls + m.index;
      const k = segAt(lc.segs, s);
      const kind = k >= 0 ? lc.segs[k + 2] : 0;
      if (kind === Seg.Comment || kind === Seg.Prose) continue;
      const d = dialectOf(lc, k);
      if (d.markdown || (k >= 0 && lc.segs[k + 4] !== 0)) continue; // documentation, not a call
      const family = m[1]!;
      push(lc, 'endpoint', 'phq/endpoint', s, s + m[0].length, m[0], M.endpointMessage(family), d, { family });
    }
  },
  fixtures: [{ text: 'r = requests.get("https://api.predicthq.com/v1/events/")', options: { languageId: 'python' } }],
};
