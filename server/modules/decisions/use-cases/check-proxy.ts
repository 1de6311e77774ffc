import { type Ctx, audit } from '../../../kernel/context.ts';
import { read, write } from '../decisions.db.ts';
import { DecisionsErrors } from '../decisions.errors.ts';
import { decisionFor } from './decision-access.ts';
import { presentProxy } from './list-proxies.ts';
import { PROXY_STATUSES } from './register-proxy.ts';
import { settingsFor } from './rules-in-force.ts';
import { notifyBallotCounted, settleBallot } from './settle-ballot.ts';

/**
 * 审核授权委托书: a user other than the one who registered the proxy checks the power of attorney. Accepted, the
 * proxy's ballot already checked against its scan ('held') counts now; rejected, it is invalid — the proxy never
 * had the owner's authority — and the owner may still vote themselves.
 */
export async function checkProxy(ctx: Ctx, id: string, proxyId: string, body: { verdict: 'accept' | 'reject'; reason?: string }) {
  await decisionFor(read(ctx), ctx.actor, id, 'organise', { status: PROXY_STATUSES });
  if (body.verdict === 'reject' && !body.reason) throw DecisionsErrors.REJECT_REASON_REQUIRED();
  return write(ctx, async (tx) => {
    const d = await decisionFor(tx, ctx.actor, id, 'organise', { status: PROXY_STATUSES });
    const found = await tx.selectFrom('dec_proxies').select('entry_id').where('street_id', '=', d.street_id).where('decision_id', '=', d.id).where('id', '=', proxyId).executeTakeFirst();
    if (!found) throw DecisionsErrors.PROXY_NOT_FOUND();
    const entry = await tx.selectFrom('dec_roll_entries').select(['id', 'no', 'person_ids']).where('street_id', '=', d.street_id).where('id', '=', found.entry_id).forUpdate().executeTakeFirstOrThrow();
    const proxy = await tx.selectFrom('dec_proxies').selectAll().where('street_id', '=', d.street_id).where('id', '=', proxyId).forUpdate().executeTakeFirstOrThrow();
    if (proxy.status !== 'pending') throw DecisionsErrors.PROXY_NOT_PENDING();
    if (proxy.registered_by === ctx.actor.accountId) throw DecisionsErrors.SAME_USER_CHECK();
    const now = ctx.kernel.clock.now();
    const accepted = body.verdict === 'accept';
    await tx
      .updateTable('dec_proxies')
      .set({ status: accepted ? 'checked' : 'rejected', checked_by: ctx.actor.accountId, checked_at: now, reject_reason: accepted ? null : body.reason! })
      .where('street_id', '=', d.street_id)
      .where('id', '=', proxy.id)
      .execute();
    const held = await tx.selectFrom('dec_ballots').select(['id', 'channel', 'choices']).where('street_id', '=', d.street_id).where('proxy_id', '=', proxy.id).where('status', '=', 'held').execute();
    const outcomes: string[] = [];
    for (const b of held) {
      if (!accepted) {
        await tx.updateTable('dec_ballots').set({ status: 'invalid', invalid_reason: 'proxy_rejected' }).where('street_id', '=', d.street_id).where('id', '=', b.id).execute();
        outcomes.push('invalid');
        continue;
      }
      const settled = await settleBallot(tx, d, await settingsFor(tx, d), { id: b.id, entryId: entry.id, channel: b.channel, choices: b.choices!, at: now });
      if (settled.status === 'counted') await notifyBallotCounted(tx, ctx, d, entry.person_ids, b.channel, settled.receipt);
      outcomes.push(settled.status);
    }
    await audit(tx, ctx, {
      action: accepted ? 'decisions.proxy.accepted' : 'decisions.proxy.rejected',
      placeId: d.place_id,
      subjectType: 'decision',
      subjectId: d.id,
      detail: { proxy: proxy.id, entry: entry.no, ballots: outcomes, ...(accepted ? {} : { reason: body.reason }) },
    });
    return presentProxy(tx, d, ctx.actor.accountId, proxy.id);
  });
}
