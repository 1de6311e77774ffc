import { type Ctx, audit } from '../../../kernel/context.ts';
import { read, type Tx, write } from '../decisions.db.ts';
import { DecisionsErrors } from '../decisions.errors.ts';
import type { DecisionRow } from '../decisions.repository.ts';
import type { ObjectionTextBody } from '../elevator.schemas.ts';
import { decisionFor, wrongStatus } from './decision-access.ts';
import { elevatorOf } from './elevator-shares.ts';
import { decisionForOwner } from './owner-access.ts';

/** An affected owner may object from the published roll until the result is published. */
export const OBJECTION_STATUSES = ['roll_published', 'open', 'closed'] as const;

/** Only where the rules let an affected owner object and be compensated (not where they must consent). */
async function compensationRetrofit(tx: Tx, d: DecisionRow) {
  const e = d.kind === 'elevator' ? await elevatorOf(tx, d) : undefined;
  if (!e) throw DecisionsErrors.NOT_AN_ELEVATOR();
  if (e.affected_rule !== 'compensation') throw DecisionsErrors.OBJECTION_NOT_APPLICABLE();
  if (!(OBJECTION_STATUSES as readonly string[]).includes(d.status)) throw wrongStatus(d.status);
}

async function object(tx: Tx, ctx: Ctx, d: DecisionRow, rows: { id: string; room_label: string }[], text: string, by: 'owner' | 'organiser') {
  const now = ctx.kernel.clock.now();
  await tx
    .updateTable('dec_affected')
    .set({ objection: text, objection_at: now, objection_by: ctx.actor.accountId })
    .where('street_id', '=', d.street_id)
    .where('id', 'in', rows.map((r) => r.id))
    .execute();
  await audit(tx, ctx, { action: 'decisions.affected.objected', placeId: d.place_id, subjectType: 'decision', subjectId: d.id, detail: { by, affected: rows.map((r) => r.id), rooms: rows.map((r) => r.room_label) } });
  return { ids: rows.map((r) => r.id), objectionAt: now };
}

/** The organiser records an affected owner's objection on their behalf (given on paper or in person). */
export async function recordAffectedObjection(ctx: Ctx, id: string, affectedId: string, input: ObjectionTextBody) {
  return write(ctx, async (tx) => {
    const d = await decisionFor(tx, ctx.actor, id, 'organise', { forUpdate: true });
    await compensationRetrofit(tx, d);
    const row = await tx.selectFrom('dec_affected').select(['id', 'room_label', 'settled_at']).where('street_id', '=', d.street_id).where('decision_id', '=', d.id).where('id', '=', affectedId).executeTakeFirst();
    if (!row) throw DecisionsErrors.AFFECTED_NOT_FOUND();
    if (row.settled_at) throw DecisionsErrors.OBJECTION_SETTLED();
    return object(tx, ctx, d, [row], input.text, 'organiser');
  });
}

/** An affected owner objects on the H5, for each of their affected parts not yet settled. */
export async function fileAffectedObjection(ctx: Ctx, id: string, input: ObjectionTextBody) {
  await decisionForOwner(read(ctx), ctx, id);
  return write(ctx, async (tx) => {
    const { decision: d, entries } = await decisionForOwner(tx, ctx, id);
    await compensationRetrofit(tx, d);
    const rows = await tx
      .selectFrom('dec_affected as a')
      .innerJoin('dec_roll_parts as rp', (j) => j.onRef('rp.street_id', '=', 'a.street_id').onRef('rp.decision_id', '=', 'a.decision_id').onRef('rp.room_id', '=', 'a.room_id'))
      .select(['a.id', 'a.room_label', 'a.settled_at'])
      .where('a.street_id', '=', d.street_id)
      .where('a.decision_id', '=', d.id)
      .where('rp.entry_id', 'in', entries.map((e) => e.id))
      .execute();
    if (rows.length === 0) throw DecisionsErrors.NOT_AFFECTED();
    const open = rows.filter((r) => !r.settled_at);
    if (open.length === 0) throw DecisionsErrors.OBJECTION_SETTLED();
    return object(tx, ctx, d, open, input.text, 'owner');
  });
}
