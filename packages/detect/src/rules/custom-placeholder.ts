// phq/custom-placeholder: a match of one of the user's own patterns (extraPatterns,
// `scan --pattern`), judged by the same context rules as the built-in spellings.
import { judgePlaceholder } from './placeholder';
import type { Rule } from './rule';

export const customPlaceholderRule: Rule = {
  id: 'phq/custom-placeholder',
  kind: 'placeholder',
  severity: 'error',
  sarif: {
    name: 'CustomPlaceholder',
    short: 'Configured placeholder pattern',
    full: 'Text matching a user-configured placeholder pattern sits where it is sent as written.',
  },
  docs: 'custom-placeholder',
  runsIn: 'engine',
  triggers: [],
  extraTriggers: (ctx) => ctx.extra,
  mayFire(ctx, lt) {
    for (const x of ctx.extra) {
      x.lastIndex = 0;
      if (x.test(lt)) return true;
    }
    return false;
  },
  judge(lc, lt) {
    for (const x of lc.ctx.extra) {
      x.lastIndex = 0;
      for (let m = x.exec(lt); m; m = x.exec(lt)) {
        if (m[0].length === 0) {
          x.lastIndex++;
          continue;
        }
        const s = lc.ls + m.index;
        const group = m[0].startsWith('${') ? 1 : m[0].startsWith('$') ? 2 : 0;
        judgePlaceholder(lc, s, s + m[0].length, group, 'phq/custom-placeholder');
      }
    }
  },
  fixtures: [
    { text: 'h = "Bearer %%MY_SECRET%%"', options: { languageId: 'python', extraPatterns: ['%%MY_SECRET%%'] } },
  ],
};
