// phq/known-token: exactly one of the user's own tokens, recognised by fingerprint (values
// never reach the engine). Runs before hardcoded-token, which then skips the same text.
import { fingerprint, maskSecret } from '../fingerprint';
import { envReference } from '../env-reference';
import { dialectOf, push, segAt } from './line';
import * as M from './messages';
import * as P from './patterns';
import type { Rule } from './rule';
import { hasTokenRun } from './shape';

export const knownTokenRule: Rule = {
  id: 'phq/known-token',
  kind: 'known-token',
  overlap: 'token',
  severity: 'error',
  sarif: {
    name: 'KnownToken',
    short: 'One of your API tokens is in the file',
    full: 'The value matches the fingerprint of one of your tokens.',
  },
  docs: 'known-token',
  runsIn: 'engine',
  triggers: [],
  extraTriggers: (ctx) => (ctx.known ? [P.TOKEN_RUN] : []),
  mayFire: (ctx, lt) => ctx.known !== null && hasTokenRun(lt, 16),
  judge(lc, lt) {
    const known = lc.ctx.known;
    if (!known) return;
    const re = P.TOKEN_RUN;
    re.lastIndex = 0;
    for (let m = re.exec(lt); m; m = re.exec(lt)) {
      const fp = fingerprint(m[0]);
      const tok = known.get(fp);
      if (!tok) continue;
      const s = lc.ls + m.index;
      const d = dialectOf(lc, segAt(lc.segs, s));
      const masked = maskSecret(m[0]);
      const ref = envReference(d.languageId, lc.ctx.envVar);
      push(lc, 'known-token', 'phq/known-token', s, s + m[0].length, masked, M.knownMessage(tok.name, ref), d, {
        fingerprint: fp,
        tokenId: tok.id,
      });
    }
  },
  fixtures: [
    {
      text: '# notes\nprod = "phqFixtureTokenValue0123456789abcdefABCDEF"',
      options: {
        languageId: 'python',
        knownFingerprints: new Map([
          [fingerprint('phqFixtureTokenValue0123456789abcdefABCDEF'), { id: 'tok_fixture', name: 'fixture' }],
        ]),
      },
    },
  ],
};
