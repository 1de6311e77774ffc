import type { Ctx } from '../../../kernel/context.ts';
import { issueOtp } from '../../activation/index.ts';
import { BALLOT_CODE_PURPOSE, type RulesSettings } from '../decisions.constants.ts';
import { read } from '../decisions.db.ts';
import { DecisionsErrors } from '../decisions.errors.ts';
import { decisionForOwner } from './owner-access.ts';

/**
 * Texts the code that confirms a ballot to the voter's own phone (the account's, which signed them up): the
 * second factor beside the session, so a phone left signed in does not vote by itself. Only while voting is open
 * and only to someone who casts a ballot on this roll.
 */
export async function sendBallotCode(ctx: Ctx, id: string) {
  const db = read(ctx);
  const { decision: d, entries, personId } = await decisionForOwner(db, ctx, id);
  const now = ctx.kernel.clock.now();
  if (d.status !== 'open' || !d.opens_at || !d.closes_at || now < d.opens_at || now >= d.closes_at) throw DecisionsErrors.VOTING_CLOSED();
  if (!(d.rules as { settings: RulesSettings }).settings.channels.value.online) throw DecisionsErrors.ONLINE_NOT_ALLOWED();
  if (!entries.some((e) => e.representative_id === personId)) throw DecisionsErrors.NOT_REPRESENTATIVE({ name: entries[0]!.label });
  const account = await db.selectFrom('accounts').select('phone_enc').where('id', '=', ctx.actor.accountId).executeTakeFirst();
  if (!account?.phone_enc) throw DecisionsErrors.NOT_AN_OWNER();
  const phone = ctx.kernel.pii.decrypt(account.phone_enc);
  return issueOtp(
    ctx.kernel,
    { phone, purpose: BALLOT_CODE_PURPOSE, template: 'decisions.ballot_code', locale: ctx.actor.locale },
    { accountId: ctx.actor.accountId, name: ctx.actor.name, requestId: ctx.actor.requestId ?? undefined },
  );
}
