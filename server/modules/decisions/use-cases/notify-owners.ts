import type { Ctx } from '../../../kernel/context.ts';
import { type NotifyInput, notify } from '../../../kernel/notify/notify.ts';
import type { Tx } from '../decisions.db.ts';
import type { DecisionRow } from '../decisions.repository.ts';

/** Tells every owner on the decision's live roll (co-owners each), in the caller's transaction. */
export async function notifyOwners(
  tx: Tx,
  ctx: Ctx,
  d: Pick<DecisionRow, 'street_id' | 'id' | 'place_id' | 'title'>,
  template: string,
  data: Record<string, string | number> = {},
  channels?: NotifyInput['channels'],
): Promise<void> {
  const rows = await tx.selectFrom('dec_roll_entries').select('person_ids').where('street_id', '=', d.street_id).where('decision_id', '=', d.id).where('merged_into', 'is', null).execute();
  const persons = [...new Set(rows.flatMap((r) => r.person_ids))];
  if (persons.length === 0) return;
  await notify(tx, ctx, { template, placeId: d.place_id, to: { persons }, data: { title: d.title, id: d.id, ...data }, channels, subject: { type: 'decision', id: d.id } });
}
