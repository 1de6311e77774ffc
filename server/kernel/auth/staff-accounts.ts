import { randomInt } from 'node:crypto';
import { type Expression, type SqlBool, sql } from 'kysely';
import { z } from 'zod';
import { holdsAny, scopePrefixes } from '../access/actor.ts';
import { ROLE_LABELS, type Role } from '../access/roles.ts';
import { type Ctx, audit, write } from '../context.ts';
import { containing } from '../db/like.ts';
import { CommonErrors, defineErrors } from '../errors.ts';
import { type Page, PageQuery, offsetOf, sortable } from '../pagination.ts';
import { ACCOUNT_ADMIN_ROLES } from './account-admins.ts';
import { setAccountPassword } from './accounts.ts';
import { hashPassword } from './passwords.ts';
import { destroyAccountSessions } from './sessions.ts';

/**
 * Staff accounts (账号管理): the accounts holding at least one grant, and an administrator's password reset for
 * a staff member who forgot theirs (residents reset their own by SMS, activation's reset-password.ts).
 *
 * Who sees and resets whom:
 * - platform_admin: every staff account;
 * - street_official: the accounts whose grants all lie within a place one of the official's grants covers (a
 *   grid worker of their street, not someone who also works in the next street), and never an account holding
 *   platform_admin (an official must not be able to take over an administrator's account).
 * Nobody resets their own password this way (they change it, knowing the current one).
 */
export { ACCOUNT_ADMIN_ROLES };

export const AccountErrors = defineErrors({
  ACCOUNT_NOT_FOUND: [404, '账号不存在或不在您的管辖范围内', 'Account not found or outside your scope'],
  ACCOUNT_RESET_SELF: [409, '不能重置自己的密码，请使用“修改密码”', 'You cannot reset your own password; use “Change password”'],
  ACCOUNT_RESIDENT_ONLY: [409, '居民账号请在居民端通过短信验证码找回密码', 'Residents reset their password themselves by SMS on the resident app'],
  ACCOUNT_DISABLED: [409, '该账号已停用，无法重置密码', 'This account is disabled; its password cannot be reset'],
  PASSWORD_WRONG: [400, '当前密码不正确', 'The current password is wrong'],
  PASSWORD_WEAK: [400, '密码须为 8–64 位，且同时包含字母和数字', 'The password needs 8–64 characters with both letters and digits'],
  PASSWORD_CHANGE_REQUIRED: [403, '请先设置新密码（您正在使用管理员重置后的临时密码）', 'Set a new password first (you signed in with a temporary one from an administrator)'],
  PASSWORD_UNCHANGED: [400, '新密码不能与当前密码相同', 'The new password must differ from the current one'],
});

/** The list's sortable columns: by name by default. */
export const StaffAccountsSort = sortable(
  { name: 'a.display_name', username: 'a.username', createdAt: 'a.created_at' },
  { sort: 'name', order: 'asc' },
  'a.id',
);
export const StaffAccountsQuery = PageQuery.extend({
  q: z.string().trim().max(50).optional().describe('part of the name or username'),
  ...StaffAccountsSort.query,
});
export type StaffAccountsQuery = z.infer<typeof StaffAccountsQuery>;

/**
 * The filter on accounts `a` the actor may manage: at least one grant, and (unless platform_admin) every grant
 * under one of the actor's street_official places and none of them platform_admin. `false` for anyone else.
 */
function manageable(ctx: Ctx): Expression<SqlBool> {
  const hasGrant = sql<SqlBool>`exists (select 1 from grants g where g.account_id = a.id)`;
  if (holdsAny(ctx.actor, ['platform_admin'])) return hasGrant;
  const prefixes = scopePrefixes(ctx.actor, ['street_official']);
  if (!prefixes || prefixes.length === 0) return sql<SqlBool>`false`;
  const patterns = prefixes.map((p) => `${p}%`);
  return sql<SqlBool>`(${hasGrant} and not exists (
    select 1 from grants g join places p on p.id = g.place_id
    where g.account_id = a.id and (g.role = 'platform_admin' or not (p.path like any(${patterns}::text[])))))`;
}

/** Staff accounts the actor may manage, with their roles and places; searchable by name or username. */
export async function listStaffAccounts(ctx: Ctx, q: StaffAccountsQuery): Promise<Page<unknown>> {
  if (!holdsAny(ctx.actor, ACCOUNT_ADMIN_ROLES)) throw CommonErrors.FORBIDDEN();
  const base = ctx.kernel.db
    .selectFrom('accounts as a')
    .where(manageable(ctx))
    .$if(!!q.q, (qb) => qb.where((eb) => eb.or([eb('a.display_name', 'ilike', containing(q.q!)), eb('a.username', 'ilike', containing(q.q!))])));
  const [items, total] = await Promise.all([
    StaffAccountsSort.orderBy(base, q)
      .select([
        'a.id',
        'a.username',
        'a.display_name as name',
        'a.phone_masked as phone',
        'a.disabled',
        'a.must_change_password as mustChangePassword',
        'a.created_at as createdAt',
        sql<{ role: Role; placeId: string; placeName: string }[]>`coalesce((select json_agg(json_build_object('role', g.role, 'placeId', g.place_id, 'placeName', p.name) order by p.path, g.role)
          from grants g join places p on p.id = g.place_id where g.account_id = a.id), '[]'::json)`.as('grants'),
      ])
      .limit(q.pageSize)
      .offset(offsetOf(q))
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const sort = q.sort ?? StaffAccountsSort.defaults.sort;
  return { items: items.map((a) => ({ ...a, grants: a.grants.map((g) => ({ ...g, label: ROLE_LABELS[g.role] })), self: a.id === ctx.actor.accountId })), total: Number(total.n), page: q.page, pageSize: q.pageSize, sort, order: q.order ?? StaffAccountsSort.defaults.order };
}

// Readable when dictated over the phone: no 0/O, 1/l/I.
const TEMP_ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A random 12-character temporary password with letters and digits (~68 bits). */
export function temporaryPassword(): string {
  for (;;) {
    const p = Array.from({ length: 12 }, () => TEMP_ALPHABET[randomInt(TEMP_ALPHABET.length)]).join('');
    if (/[A-Za-z]/.test(p) && /\d/.test(p)) return p;
  }
}

/**
 * An administrator resets a staff member's forgotten password: a random temporary password, answered once (only
 * its argon2id hash is kept; it is in no audit entry), which the account must replace at its next sign-in
 * (`must_change_password`); every session of the account ends. Audited as `account.password_reset`, method
 * 'admin'. Refused for one's own account, an account without grants (a resident resets by SMS), a disabled one,
 * and one outside the actor's scope (as not found).
 */
export async function resetStaffPassword(ctx: Ctx, accountId: string): Promise<{ accountId: string; temporaryPassword: string }> {
  if (!holdsAny(ctx.actor, ACCOUNT_ADMIN_ROLES)) throw CommonErrors.FORBIDDEN();
  if (accountId === ctx.actor.accountId) throw AccountErrors.ACCOUNT_RESET_SELF();
  const db = ctx.kernel.db;
  const target = await db.selectFrom('accounts as a').select(['a.id', 'a.display_name', 'a.username', 'a.disabled']).where('a.id', '=', accountId).executeTakeFirst();
  if (!target) throw AccountErrors.ACCOUNT_NOT_FOUND();
  const grants = await db.selectFrom('grants').select('role').where('account_id', '=', accountId).execute();
  if (grants.length === 0) throw AccountErrors.ACCOUNT_RESIDENT_ONLY();
  const inScope = await db.selectFrom('accounts as a').select('a.id').where('a.id', '=', accountId).where(manageable(ctx)).executeTakeFirst();
  if (!inScope) throw AccountErrors.ACCOUNT_NOT_FOUND();
  if (target.disabled) throw AccountErrors.ACCOUNT_DISABLED();

  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  await write(ctx, async (tx) => {
    await setAccountPassword(tx, accountId, passwordHash, true);
    const sessionsEnded = await destroyAccountSessions(tx, accountId);
    await audit(tx, ctx, {
      action: 'account.password_reset',
      subjectType: 'account',
      subjectId: accountId,
      detail: { method: 'admin', account: target.username ?? target.display_name, sessionsEnded },
    });
  });
  return { accountId, temporaryPassword: password };
}
