// What each kind of finding means to a user, declared once (docs/common-tasks.md, "Add a
// finding kind"): the hover the language server shows and the quick fixes it offers. The
// message of each finding is written by the rule that reports it (rules/messages.ts).
import type { Finding, FindingKind } from './types';

/**
 * Quick-fix families: `placeholder` offers each of the user's tokens, the env reference and
 * "create a token"; `secret` offers the env reference (moving the value out), never a token.
 */
export type FixFamily = 'placeholder' | 'secret' | 'none';

export interface KindDescriptor {
  /**
   * Hover Markdown from the finding alone (`code` quotes a span). Absent where the language
   * server composes it from the user's tokens (known-token, endpoint).
   */
  hover?(f: Finding, code: (s: string) => string): string;
  fixes: FixFamily;
  /** Whether "Fix all placeholders in this file" rewrites findings of this kind. */
  fixAll: boolean;
}

export const KINDS: Readonly<Record<FindingKind, KindDescriptor>> = {
  placeholder: {
    hover: (f, code) =>
      [
        `**${code(f.data.placeholder ?? f.match)} is a placeholder**, not a token.`,
        '',
        'Here it is sent to PredictHQ literally, so every request fails with **401 Unauthorized**.',
        `Replace it with one of your tokens, or with ${code(f.data.envReference)} so the token stays out of the file.`,
      ].join('\n'),
    fixes: 'placeholder',
    fixAll: true,
  },
  'hardcoded-token': {
    hover: (f, code) =>
      `**A hardcoded API token** (${code(f.match)}): anyone who can read this file can use it. Use ${code(f.data.envReference)} and keep the value in a secret store.`,
    fixes: 'secret',
    fixAll: false,
  },
  'known-token': { fixes: 'secret', fixAll: false },
  'browser-exposure': {
    hover: (f, code) =>
      `**This token is shipped to browsers** (${code(f.match)}): variables with this prefix are bundled into client code. Call PredictHQ from a server instead.`,
    fixes: 'secret',
    fixAll: false,
  },
  endpoint: { fixes: 'none', fixAll: false },
};
