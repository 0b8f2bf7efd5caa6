import { askModal } from '../ui/modal';
import { openExternal } from '../util/external';
import { stringProp } from '../util/guards';
import type { CommandContext } from './context';
import { pickAccount } from './pick';

const KEEP_VALUES = 'Sign Out, Keep Values';
const REMOVE_VALUES = 'Sign Out and Remove Values';
const REVOKE = 'Revoke in the WebApp…';

/** Signs out one account; its stored token values are forgotten too unless the user keeps them. */
export async function signOut(ctx: CommandContext, arg?: unknown): Promise<void> {
  const sessionId = await pickAccount(ctx, arg);
  const record = ctx.accounts.get(sessionId);
  if (ctx.repo.isLocal(sessionId)) return forgetAll(ctx, sessionId, arg);
  let forget = stringProp(arg, 'storedValues') !== 'keep';
  const stored = ctx.repo.secrets.storedIds(sessionId).size;
  if (!stringProp(arg, 'storedValues') && stored > 0) {
    // Keeping the values is the default (Enter): signing out then loses nothing but the sign-in.
    const choice = await askModal({
      severity: 'warning',
      message: `Sign out of ${record?.name ?? 'this account'}?`,
      detail:
        `Signing out forgets this account's sign-in (its management credential) on this machine. ` +
        `${stored} token value${stored === 1 ? ' is' : 's are'} stored here for it: keep them (they are back when you sign in to the same account again) or remove them. ` +
        'Tokens whose value was never stored here (made in the WebApp or on another machine) say "value not on this machine" before and after.',
      buttons: [KEEP_VALUES, REMOVE_VALUES],
    });
    if (!choice) return;
    forget = choice === REMOVE_VALUES;
  }
  if (forget) await ctx.repo.forgetAccount(sessionId);
  await ctx.auth.removeSession(sessionId);
  await ctx.repo.syncAccounts();
}

/** "Tokens on this machine" has nothing to sign out of: removing it forgets every value (no revoke). */
async function forgetAll(ctx: CommandContext, sessionId: string, arg: unknown): Promise<void> {
  const n = ctx.repo.get(sessionId)?.tokens?.length ?? 0;
  if (stringProp(arg, 'storedValues') !== 'remove' && n > 0) {
    // Enter opens the WebApp (which loses nothing); forgetting all is the second choice.
    const choice = await askModal({
      severity: 'warning',
      message: `Forget all ${n} tokens on this machine?`,
      detail:
        "Their values are removed from VS Code's secret storage. This does not revoke them: they keep working until you delete them in the PredictHQ WebApp.",
      buttons: [REVOKE, 'Forget All'],
    });
    if (choice === REVOKE) {
      await openExternal(ctx.config.webAppTokensUrl);
      return;
    }
    if (choice !== 'Forget All') return;
  }
  await ctx.repo.forgetAccount(sessionId);
  await ctx.accounts.remove(sessionId);
  await ctx.repo.syncAccounts();
}
