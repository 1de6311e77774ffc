import { type Ctx, audit } from '../../../kernel/context.ts';
import { write } from '../decisions.db.ts';
import { DecisionsErrors } from '../decisions.errors.ts';
import { decisionFor } from './decision-access.ts';

/**
 * Two roll entries that are one owner (the same person imported twice without an ID number, so the roll
 * could not match them) become one head, during the objection period only: the kept entry takes the other's
 * parts, area and owners; the other stays on record, marked merged. The roll's version goes up (re-published)
 * and the totals lose one head. Audited with both entries.
 */
export async function mergeRollEntries(ctx: Ctx, id: string, input: { keepId: string; mergeId: string }) {
  if (input.keepId === input.mergeId) throw DecisionsErrors.MERGE_INVALID();
  return write(ctx, async (tx) => {
    const d = await decisionFor(tx, ctx.actor, id, 'organise', { forUpdate: true, status: ['roll_published'] });
    const entries = await tx
      .selectFrom('dec_roll_entries')
      .selectAll()
      .where('street_id', '=', d.street_id)
      .where('decision_id', '=', d.id)
      .where('id', 'in', [input.keepId, input.mergeId])
      .where('merged_into', 'is', null)
      .where('kind', '=', 'owners')
      .execute();
    const keep = entries.find((e) => e.id === input.keepId);
    const merge = entries.find((e) => e.id === input.mergeId);
    if (!keep || !merge) throw DecisionsErrors.MERGE_INVALID();
    const union = (a: string[], b: string[]) => [...new Set([...a, ...b])].sort();
    const labels = union(keep.label.split('、'), merge.label.split('、')).join('、');
    await tx
      .updateTable('dec_roll_entries')
      .set({ area_centi: keep.area_centi + merge.area_centi, person_ids: union(keep.person_ids, merge.person_ids), organisation_ids: union(keep.organisation_ids, merge.organisation_ids), label: labels })
      .where('street_id', '=', d.street_id)
      .where('id', '=', keep.id)
      .execute();
    await tx.updateTable('dec_roll_parts').set({ entry_id: keep.id }).where('street_id', '=', d.street_id).where('entry_id', '=', merge.id).execute();
    await tx.updateTable('dec_roll_entries').set({ merged_into: keep.id }).where('street_id', '=', d.street_id).where('id', '=', merge.id).execute();
    const now = ctx.kernel.clock.now();
    const heads = (d.total_heads ?? 0) - 1;
    await tx
      .updateTable('dec_decisions')
      .set({ roll_version: d.roll_version + 1, total_heads: heads, updated_at: now })
      .where('street_id', '=', d.street_id)
      .where('id', '=', d.id)
      .execute();
    await audit(tx, ctx, {
      action: 'decisions.roll.merged',
      placeId: d.place_id,
      subjectType: 'decision',
      subjectId: d.id,
      before: { totalHeads: d.total_heads, rollVersion: d.roll_version, entries: [keep.no, merge.no] },
      after: { totalHeads: heads, rollVersion: d.roll_version + 1, entry: keep.no },
    });
    return { id: d.id, keptId: keep.id, totalHeads: heads, rollVersion: d.roll_version + 1 };
  });
}
