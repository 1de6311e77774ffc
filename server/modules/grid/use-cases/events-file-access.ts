import { pathInScope, scopePrefixes } from '../../../kernel/access/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { read } from '../grid.db.ts';
import { eventRows, readableEvents } from './events-access.ts';
import { LIAISON_ROLES } from './events-liaisons-list.ts';
import type { FileSubjectRef } from './files.ts';

/**
 * Who may see a photo of an event: whoever may read the event — staff by its place, a liaison it was dispatched to
 * (now or before), and the resident who reported it. A joint patrol's photos (stored under the patrol's id): whoever
 * sees the patrols of its compound. Anyone else: not found.
 */
export async function mayViewEventFile(ctx: Ctx, subject: FileSubjectRef): Promise<boolean> {
  const db = read(ctx);
  const event = await eventRows(db)
    .where('e.street_id', '=', subject.streetId)
    .where('e.id', '=', subject.id)
    .where((eb) => eb.or([readableEvents(ctx), eb('e.reporter_account_id', '=', ctx.actor.accountId), ...(ctx.actor.personId ? [eb('e.reporter_person_id', '=', ctx.actor.personId)] : [])]))
    .executeTakeFirst();
  if (event) return true;
  const patrol = await db
    .selectFrom('grid_patrols as t')
    .innerJoin('street_places as c', (j) => j.onRef('c.street_id', '=', 't.street_id').onRef('c.id', '=', 't.compound_id'))
    .select('t.id')
    .where('t.street_id', '=', subject.streetId)
    .where('t.id', '=', subject.id)
    .where(pathInScope('c.path', scopePrefixes(ctx.actor, LIAISON_ROLES)))
    .executeTakeFirst();
  return !!patrol;
}
