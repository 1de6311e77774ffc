import type { Ctx } from '../../../kernel/context.ts';
import { roomsOfActor } from '../../registry/index.ts';
import { read } from '../grid.db.ts';
import type { MediationCaseStatus, MediationCategory } from '../grid.mediation.constants.ts';

export interface MyMediation {
  /** The compounds I may apply at (where I live). */
  compounds: { id: string; name: string }[];
  cases: {
    id: string;
    no: string;
    status: MediationCaseStatus;
    category: MediationCategory;
    summary: string;
    placeName: string;
    openedAt: Date;
    acceptedAt: Date | null;
    closedAt: Date | null;
    declineReason: string | null;
    /** The days of the sessions held (not their notes). */
    sessionDays: string[];
  }[];
}

/** A resident's own applications (as the applying person) with their status and the days of their sessions, and the compounds they may apply at. */
export async function myMediation(ctx: Ctx): Promise<MyMediation> {
  const personId = ctx.actor.personId;
  const db = read(ctx);
  const rooms = personId ? await roomsOfActor(db, ctx) : [];
  const compounds = [...new Map(rooms.map((r) => [r.compoundId, { id: r.compoundId, name: r.compoundName }])).values()];
  if (!personId) return { compounds, cases: [] };
  const rows = await db
    .selectFrom('grid_mediation_cases as k')
    .innerJoin('street_places as p', (j) => j.onRef('p.street_id', '=', 'k.street_id').onRef('p.id', '=', 'k.place_id'))
    .select(['k.street_id as streetId', 'k.id', 'k.no', 'k.status', 'k.category', 'k.summary', 'p.name as placeName', 'k.opened_at as openedAt', 'k.accepted_at as acceptedAt', 'k.closed_at as closedAt', 'k.decline_reason as declineReason'])
    .where('k.applicant_person_id', '=', personId)
    .orderBy('k.opened_at', 'desc')
    .limit(50)
    .execute();
  const sessions = rows.length
    ? await db.selectFrom('grid_mediation_sessions').select(['case_id', 'held_on']).where('case_id', 'in', rows.map((r) => r.id)).orderBy('held_on').execute()
    : [];
  return {
    compounds,
    cases: rows.map(({ streetId: _, ...r }) => ({ ...r, sessionDays: sessions.filter((s) => s.case_id === r.id).map((s) => s.held_on) })),
  };
}
