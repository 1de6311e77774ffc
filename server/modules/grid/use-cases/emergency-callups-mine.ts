import type { Ctx } from '../../../kernel/context.ts';
import { read } from '../grid.db.ts';
import { type DeclarationRow, declarations } from './emergency-access.ts';
import { placeVolunteers } from './emergency-visitors.ts';

export interface MyCallUp {
  id: string;
  placeName: string;
  task: string;
  slots: number;
  taken: number;
  meetingPoint: string;
  meetAt: Date;
  myAnswer: 'accepted' | 'declined' | null;
}

/** The call-ups of active emergencies over places where I am an approved volunteer, with my answer. */
export async function myCallUps(ctx: Ctx): Promise<MyCallUp[]> {
  const personId = ctx.actor.personId;
  if (!personId) return [];
  const db = read(ctx);
  const active = (await declarations(db)
    .where('d.status', '=', 'active')
    .where((eb) => eb.exists(eb.selectFrom('grid_emergency_callups as c').select('c.id').whereRef('c.street_id', '=', 'd.street_id').whereRef('c.declaration_id', '=', 'd.id')))
    .execute()) as DeclarationRow[];
  const mine: DeclarationRow[] = [];
  for (const d of active) if ((await placeVolunteers(db, d)).some((v) => v.personId === personId)) mine.push(d);
  if (!mine.length) return [];
  const rows = await db
    .selectFrom('grid_emergency_callups as c')
    .leftJoin('grid_emergency_callup_answers as a', (j) => j.onRef('a.street_id', '=', 'c.street_id').onRef('a.callup_id', '=', 'c.id').on('a.person_id', '=', personId))
    .select(['c.id', 'c.declaration_id as declarationId', 'c.task', 'c.slots', 'c.taken', 'c.meeting_point as meetingPoint', 'c.meet_at as meetAt', 'a.answer'])
    .where('c.declaration_id', 'in', mine.map((d) => d.id))
    .orderBy('c.meet_at')
    .execute();
  const placeOf = new Map(mine.map((d) => [d.id, d.placeName]));
  return rows.map((r) => ({ id: r.id, placeName: placeOf.get(r.declarationId) ?? '', task: r.task, slots: r.slots, taken: r.taken, meetingPoint: r.meetingPoint, meetAt: r.meetAt, myAnswer: r.answer ?? null }));
}
