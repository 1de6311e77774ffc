import type { Ctx } from '../../../kernel/context.ts';
import { maskName } from '../../../kernel/pii/pii.ts';
import { read } from '../decisions.db.ts';
import { itemsOf } from '../decisions.repository.ts';
import { decisionForOwner } from './owner-access.ts';
import { presentItems } from './present-items.ts';
import { settingsFor } from './rules-in-force.ts';
import { myElevator } from './my-elevator.ts';
import { myElection } from './my-election.ts';

/**
 * One decision as its owner sees it on the H5: the materials (items, matters, thresholds, legal basis), the
 * rules it runs under, my parts of the roll and whether I cast the ballot for each (co-owners vote through
 * their representative), my ballots with their status (a superseded one stays, marked), and the result once
 * published.
 */
export async function getMyDecision(ctx: Ctx, id: string) {
  const db = read(ctx);
  const { decision: d, entries, personId } = await decisionForOwner(db, ctx, id);
  const [items, parts, ballots, objections, proxies] = await Promise.all([
    itemsOf(db, d.street_id, d.id),
    db.selectFrom('dec_roll_parts').select(['entry_id', 'room_label', 'area_centi']).where('street_id', '=', d.street_id).where('entry_id', 'in', entries.map((e) => e.id)).execute(),
    db
      .selectFrom('dec_ballots')
      .select(['id', 'entry_id as entryId', 'choices', 'status', 'channel', 'cast_at as castAt', 'superseded_by as supersededBy', 'receipt'])
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
    db
      .selectFrom('dec_proxies as p')
      .select(['p.id', 'p.entry_id as entryId', 'p.name', 'p.status', 'p.registered_at as registeredAt', 'p.revoked_at as revokedAt'])
      .select((eb) =>
        eb.exists(eb.selectFrom('dec_ballots as b').whereRef('b.street_id', '=', 'p.street_id').whereRef('b.proxy_id', '=', 'p.id').where('b.status', '!=', 'invalid').select('b.id')).as('voted'),
      )
      .where('p.street_id', '=', d.street_id)
      .where('p.decision_id', '=', d.id)
      .where('p.entry_id', 'in', entries.map((e) => e.id))
      .orderBy('p.registered_at', 'desc')
      .execute(),
  ]);
  const settings = await settingsFor(db, d);
  const now = ctx.kernel.clock.now();
  const votingOpen = d.status === 'open' && !!d.opens_at && !!d.closes_at && now >= d.opens_at && now < d.closes_at;
  return {
    id: d.id,
    title: d.title,
    description: d.description,
    status: d.status,
    placeLabel: d.place_label,
    kind: d.kind,
    parentId: d.parent_id,
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
        // Over a counted paper ballot only where online prevails; over an online one only where a change is allowed.
        canVote: votingOpen && mine && (!counted || (counted.channel === 'online' ? settings.revote.value : settings.prevails.value === 'online')),
        voted: !!counted,
      };
    }),
    // The choices of a paper ballot stay with the sheet until it is checked; its status tells the owner where it is.
    ballots: ballots.map((b) => (b.channel !== 'online' && b.status !== 'counted' ? { ...b, choices: null } : b)),
    objections,
    proxies: proxies.map((p) => ({
      id: p.id,
      entryId: p.entryId,
      proxyName: maskName(p.name),
      status: p.status,
      registeredAt: p.registeredAt,
      revokedAt: p.revokedAt,
      canRevoke: (p.status === 'pending' || p.status === 'checked') && !p.voted && (d.status === 'roll_published' || d.status === 'open'),
    })),
    result: d.status === 'published' ? d.result : null,
    // Where an owner checks their receipts: the public board exists once voting opened under the ledger.
    board: !!d.manifest_hash,
    elevator: await myElevator(db, d, entries.map((e) => e.id)),
    election: await myElection(db, d),
  };
}
