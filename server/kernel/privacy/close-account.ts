import { type Ctx, audit, write } from '../context.ts';
import { sources } from './personal-data.ts';
import { PrivacyErrors } from './privacy.ts';

/** What a closed account is called wherever its name was shown (opinions, claims, the audit log's actor). */
export const CLOSED_ACCOUNT_NAME = '已注销用户';

/**
 * 注销 (PIPL art. 47): the signed-in resident closes their account. The account is disabled and its phone
 * and name are erased, its sessions ended, its notification settings, WeChat consents and messages
 * deleted, and its link to the registry's person cut. What the registry and the law need is kept: the
 * person and their households (ownership) stay in the registry as the registry's record, and each module
 * pseudonymises its own records of the account (`PersonalDataSource.erase`) in the same transaction.
 * Staff accounts are closed by an administrator, not here. Audited.
 */
export async function closeAccount(ctx: Ctx) {
  const accountId = ctx.actor.accountId;
  if (ctx.actor.grants.length > 0) throw PrivacyErrors.STAFF_ACCOUNT_NOT_CLOSABLE();
  await write(ctx, async (tx) => {
    for (const source of sources.values()) await source.erase?.(tx, ctx);
    await tx.deleteFrom('notify_messages').where('account_id', '=', accountId).execute();
    await tx.deleteFrom('notify_settings').where('account_id', '=', accountId).execute();
    await tx.deleteFrom('notify_wechat_consents').where('account_id', '=', accountId).execute();
    await tx.deleteFrom('sessions').where('account_id', '=', accountId).execute();
    await tx
      .updateTable('accounts')
      .set({ phone_enc: null, phone_hash: null, phone_masked: null, username: null, display_name: CLOSED_ACCOUNT_NAME, person_id: null, disabled: true })
      .where('id', '=', accountId)
      .execute();
    await audit(tx, ctx, { action: 'account.closed', subjectType: 'account', subjectId: accountId, detail: { hadPerson: ctx.actor.personId !== null } });
  });
  return { closed: true };
}
