import type { Ctx } from '../../../kernel/context.ts';
import { passedDecisionsAt } from '../../decisions/index.ts';
import { read } from '../fees.db.ts';
import { fundAllows } from '../fees.fund.policy.ts';
import { fundTotals, fundUses } from '../fees.fund.repository.ts';
import { fundStaffPlace } from './fund-access.ts';

/**
 * A compound's fund for the staff page: the balance (the sum of every entry, in minus out), what was raised, used,
 * earned as interest and returned, every use with its basis (or none yet), and what the actor may do here.
 */
export async function getFundSummary(ctx: Ctx, compoundId: string) {
  const db = read(ctx);
  const place = await fundStaffPlace(ctx, db, compoundId, 'read');
  const [totals, uses] = await Promise.all([fundTotals(db, place.street_id, place.id), fundUses(db, place.street_id, place.id)]);
  return {
    compound: { id: place.id, name: place.name },
    balanceFen: totals.netFen,
    raisedFen: totals.raisedFen,
    usedFen: totals.usedFen,
    interestFen: totals.interestFen,
    refundedFen: totals.refundedFen,
    entries: totals.entries,
    lastDay: totals.lastDay,
    uses,
    usesWithoutBasis: uses.filter((u) => !u.basisKind).length,
    can: { link: fundAllows(ctx.actor, 'link', place.path), publish: fundAllows(ctx.actor, 'publish', place.path), import: fundAllows(ctx.actor, 'import', place.path) },
  };
}

/** The passed decisions a use of the compound may cite (the link dialog's choices). */
export async function fundDecisionChoices(ctx: Ctx, compoundId: string) {
  const db = read(ctx);
  const place = await fundStaffPlace(ctx, db, compoundId, 'link');
  return { items: await passedDecisionsAt(db, place.id) };
}
