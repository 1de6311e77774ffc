import type { Ctx } from '../../../kernel/context.ts';
import type { RulesSettings } from '../decisions.constants.ts';
import { read } from '../decisions.db.ts';
import { itemsOf } from '../decisions.repository.ts';
import { decisionForOwner } from './owner-access.ts';
import { presentItems } from './present-items.ts';
import { rulesInForce } from './rules-in-force.ts';

/**
 * One decision as its owner sees it on the H5: the materials (items, matters, thresholds, legal basis), the
 * rules it runs under, my parts of the roll and whether I cast the ballot for each (co-owners vote through
 * their representative), my ballots with their status (a superseded one stays, marked), and the result once
 * published.
 */
export async function getMyDecision(ctx: Ctx, id: string) {
  const db = read(ctx);
  const { decision: d, entries, personId } = await decisionForOwner(db, ctx, id);
  const [items, parts, ballots, objections] = await Promise.all([
    itemsOf(db, d.street_id, d.id),
    db.selectFrom('dec_roll_parts').select(['entry_id', 'room_label', 'area_centi']).where('street_id', '=', d.street_id).where('entry_id', 'in', entries.map((e) => e.id)).execute(),
    db
      .selectFrom('dec_ballots')
      .select(['id', 'entry_id as entryId', 'choices', 'status', 'channel', 'cast_at as castAt', 'superseded_by as supersededBy'])
      .where('street_id', '=', d.street_id)
      .where('decision_id', '=', d.id)
      .where('entry_id', 'in', entries.map((e) => e.id))
      .orderBy('cast_at', 'desc')
      .execute(),
    db
      .selectFrom('dec_objections')
      .select(['id', 'text', 'status', 'answer', 'created_at as createdAt', 'answered_at as answeredAt'])
      .where('street_id', '=', d.street_id)
      .where('decision_id', '=', d.id)
      .where('account_id', '=', ctx.actor.accountId)
      .orderBy('created_at', 'desc')
      .execute(),
  ]);
  const settings = ((d.rules as { settings?: RulesSettings } | null)?.settings ?? (await rulesInForce(db, d.street_id, d.compound_id)).settings) as RulesSettings;
  const now = ctx.kernel.clock.now();
  const votingOpen = d.status === 'open' && !!d.opens_at && !!d.closes_at && now >= d.opens_at && now < d.closes_at;
  return {
    id: d.id,
    title: d.title,
    description: d.description,
    status: d.status,
    placeLabel: d.place_label,
    organiserKind: d.organiser_kind,
    organiserAuthority: d.organiser_authority,
    objectionUntil: d.objection_until,
    opensAt: d.opens_at,
    closesAt: d.closes_at,
    totals: { areaCenti: d.total_area_centi, heads: d.total_heads },
    rules: { revote: settings.revote, votingDays: settings.votingDays, followMajority: settings.followMajority },
    items: presentItems(items),
    votingOpen,
    objectionsOpen: d.status === 'roll_published',
    entries: entries.map((e) => {
      const counted = ballots.find((b) => b.entryId === e.id && b.status === 'counted');
      const mine = e.representative_id === personId;
      return {
        id: e.id,
        no: e.no,
        rooms: parts.filter((p) => p.entry_id === e.id).map((p) => p.room_label),
        areaCenti: e.area_centi,
        coOwners: e.person_ids.length,
        representative: mine,
        // The co-owners, masked as the roll shows them: one of them casts the ballot.
        coOwnersLabel: mine ? null : e.label,
        canVote: votingOpen && mine && (!counted || settings.revote.value),
        voted: !!counted,
      };
    }),
    ballots,
    objections,
    result: d.status === 'published' ? d.result : null,
  };
}
