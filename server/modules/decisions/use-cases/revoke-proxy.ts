import { type Ctx, audit } from '../../../kernel/context.ts';
import { read, write } from '../decisions.db.ts';
import { DecisionsErrors } from '../decisions.errors.ts';
import { wrongStatus } from './decision-access.ts';
import { decisionForOwner } from './owner-access.ts';
import { PROXY_STATUSES } from './register-proxy.ts';

/**
 * 撤销委托: an owner of the head takes back a proxy registered in their name — one they never appointed, or one
 * they changed their mind about — as long as the proxy has not voted. A revoked proxy's sheet is refused.
 */
export async function revokeProxy(ctx: Ctx, id: string, proxyId: string) {
  const { entries } = await decisionForOwner(read(ctx), ctx, id);
  return write(ctx, async (tx) => {
    const { decision: d } = await decisionForOwner(tx, ctx, id);
    if (!(PROXY_STATUSES as readonly string[]).includes(d.status)) throw wrongStatus(d.status);
    const found = await tx.selectFrom('dec_proxies').select('entry_id').where('street_id', '=', d.street_id).where('decision_id', '=', d.id).where('id', '=', proxyId).executeTakeFirst();
    if (!found || !entries.some((e) => e.id === found.entry_id)) throw DecisionsErrors.PROXY_NOT_FOUND();
    // The head's lock: the proxy's sheet being entered now either lands first (and the revocation is refused) or waits.
    await tx.selectFrom('dec_roll_entries').select('id').where('street_id', '=', d.street_id).where('id', '=', found.entry_id).forUpdate().execute();
    const proxy = await tx.selectFrom('dec_proxies').select(['id', 'status']).where('street_id', '=', d.street_id).where('id', '=', proxyId).forUpdate().executeTakeFirstOrThrow();
    if (proxy.status !== 'pending' && proxy.status !== 'checked') throw DecisionsErrors.PROXY_NOT_PENDING();
    const voted = await tx.selectFrom('dec_ballots').select('id').where('street_id', '=', d.street_id).where('proxy_id', '=', proxy.id).where('status', '!=', 'invalid').executeTakeFirst();
    if (voted) throw DecisionsErrors.PROXY_ALREADY_VOTED();
    const now = ctx.kernel.clock.now();
    await tx.updateTable('dec_proxies').set({ status: 'revoked', revoked_by: ctx.actor.accountId, revoked_at: now }).where('street_id', '=', d.street_id).where('id', '=', proxy.id).execute();
    await audit(tx, ctx, { action: 'decisions.proxy.revoked', placeId: d.place_id, subjectType: 'decision', subjectId: d.id, detail: { proxy: proxy.id } });
    return { id: proxy.id, status: 'revoked' as const, revokedAt: now };
  });
}
