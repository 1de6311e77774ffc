import type { Ctx } from '../../../kernel/context.ts';
import { DEFAULT_RULES, type RulesSettings } from '../decisions.constants.ts';
import { read } from '../decisions.db.ts';
import { allows } from '../decisions.policy.ts';
import { itemsOf, participation, pendingApproval } from '../decisions.repository.ts';
import { decisionFor, seesChoices } from './decision-access.ts';
import { presentItems } from './present-items.ts';
import { rulesInForce } from './rules-in-force.ts';

/**
 * A decision for the workbench: its items, the rules it runs under (its own copy once open, else those in force),
 * the roll's totals, the live participation against the law's denominators (no choices: those are for the
 * owners' committee, the street and the scrutineers), the pending second approval, the objections, and what the
 * actor may do next.
 */
export async function getDecision(ctx: Ctx, id: string) {
  const db = read(ctx);
  const d = await decisionFor(db, ctx.actor, id, 'read');
  const [items, voted, pending, objections, deliveries, copy, links, head] = await Promise.all([
    itemsOf(db, d.street_id, d.id),
    participation(db, d.street_id, d.id),
    pendingApproval(db, d.street_id, d.id),
    db
      .selectFrom('dec_objections as o')
      .leftJoin('accounts as a', 'a.id', 'o.account_id')
      .select(['o.id', 'o.text', 'o.status', 'o.answer', 'o.created_at as createdAt', 'o.answered_at as answeredAt', 'a.display_name as by'])
      .where('o.street_id', '=', d.street_id)
      .where('o.decision_id', '=', d.id)
      .orderBy('o.status', 'desc')
      .orderBy('o.created_at', 'desc')
      .execute(),
    db
      .selectFrom('dec_deliveries')
      .select((eb) => eb.fn.count<number>('entry_id').distinct().as('n'))
      .where('street_id', '=', d.street_id)
      .where('decision_id', '=', d.id)
      .executeTakeFirstOrThrow(),
    // A copy made before a setting existed shows that setting's default, as the decision applies it (settingsFor).
    d.rules ? Promise.resolve(withDefaults(d.rules as { id: string | null; version: number | null; title: string | null; settings: RulesSettings })) : rulesInForce(db, d.street_id, d.compound_id),
    db.selectFrom('dec_chain').select((eb) => eb.fn.countAll<number>().as('n')).where('street_id', '=', d.street_id).where('decision_id', '=', d.id).where('kind', '=', 'ballot').executeTakeFirstOrThrow(),
    db.selectFrom('dec_chain_heads').select(['seq', 'hash', 'published_at as publishedAt']).where('street_id', '=', d.street_id).where('decision_id', '=', d.id).orderBy('published_at', 'desc').limit(1).executeTakeFirst(),
  ]);
  const totals = { areaCenti: d.total_area_centi ?? 0, heads: d.total_heads ?? 0 };
  const organise = allows(ctx.actor, 'organise', d.place_path);
  const now = ctx.kernel.clock.now();
  return {
    id: d.id,
    title: d.title,
    description: d.description,
    status: d.status,
    placeId: d.place_id,
    placeLabel: d.place_label,
    kind: d.kind,
    parentId: d.parent_id,
    organiserKind: d.organiser_kind,
    organiserAuthority: d.organiser_authority,
    objectionUntil: d.objection_until,
    rollVersion: d.roll_version,
    rollPublishedAt: d.roll_published_at,
    opensAt: d.opens_at,
    closesAt: d.closes_at,
    extendedDays: d.extended_days,
    closedAt: d.closed_at,
    publishedAt: d.published_at,
    // The procedure of another module that referred the matter to the owners (a deliberation item), for its link.
    source: d.source_module && d.source_id ? { module: d.source_module, id: d.source_id, label: d.source_label ?? '' } : null,
    rules: { frozen: !!d.rules, ...copy },
    items: presentItems(items),
    totals,
    progress: {
      participating: voted,
      delivered: Number(deliveries.n),
      // The quorum's bar in the same units: ⅔ of the roll's area and heads, rounded up to a whole unit.
      quorum: { areaCenti: Math.ceil((totals.areaCenti * 2) / 3), heads: Math.ceil((totals.heads * 2) / 3) },
    },
    pending: pending ? { kind: pending.kind === 'decisions.open' ? ('open' as const) : ('close' as const), requestedAt: pending.requested_at } : null,
    objections,
    result: d.result,
    // The ledger (Decisions 3/4): the manifest's hash sealed at opening, the receipts chained, the last published head.
    ledger: d.manifest_hash ? { manifestHash: d.manifest_hash, receipts: Number(links.n), head: head ?? null } : null,
    can: {
      organise,
      publishRoll: organise && ['draft', 'roll_published'].includes(d.status),
      merge: organise && d.status === 'roll_published',
      open: organise && d.status === 'roll_published' && !pending,
      close: organise && d.status === 'open' && !pending && (now >= d.closes_at! || voted.heads >= totals.heads),
      publish: organise && d.status === 'closed',
      extend: organise && d.status === 'open' && d.extended_days === 0 && copy.settings.extensionDays.value > 0,
      seeChoices: seesChoices(ctx.actor, d),
    },
  };
}

const withDefaults = <R extends { settings: RulesSettings }>(copy: R): R => ({ ...copy, settings: { ...DEFAULT_RULES, ...copy.settings } });
