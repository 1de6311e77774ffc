import { type Ctx, audit, write } from '../context.ts';
import { setAccountPassword } from './accounts.ts';
import { isStrongPassword } from './password-rule.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { destroyAccountSessions } from './sessions.ts';
import { AccountErrors } from './staff-accounts.ts';

/**
 * The signed-in account changes its own password, knowing the current one (staff after an administrator's reset
 * must: `must_change_password`, which this clears). The new one meets the password rule and differs from the
 * current one. Every other session of the account ends (whoever else knew the old password is signed out); the
 * session of `keepToken` — the browser that made the change — stays. Audited as `account.password_changed`.
 */
export async function changeOwnPassword(ctx: Ctx, input: { current: string; next: string }, keepToken?: string): Promise<{ ok: true }> {
  const accountId = ctx.actor.accountId;
  const account = await ctx.kernel.db.selectFrom('accounts').select(['password_hash', 'must_change_password']).where('id', '=', accountId).executeTakeFirst();
  if (!account || !(await verifyPassword(account.password_hash, input.current))) throw AccountErrors.PASSWORD_WRONG();
  if (!isStrongPassword(input.next)) throw AccountErrors.PASSWORD_WEAK();
  if (input.next === input.current) throw AccountErrors.PASSWORD_UNCHANGED();
  const passwordHash = await hashPassword(input.next);
  await write(ctx, async (tx) => {
    await setAccountPassword(tx, accountId, passwordHash, false);
    const sessionsEnded = await destroyAccountSessions(tx, accountId, keepToken);
    await audit(tx, ctx, {
      action: 'account.password_changed',
      subjectType: 'account',
      subjectId: accountId,
      detail: { sessionsEnded, ...(account.must_change_password ? { temporaryReplaced: true } : {}) },
    });
  });
  return { ok: true };
}
