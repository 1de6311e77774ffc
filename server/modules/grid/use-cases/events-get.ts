import { chinaDay } from '../../../kernel/clock.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { compoundServices } from '../../registry/index.ts';
import { type Executor, read } from '../grid.db.ts';
import { type EventAction, type EventCategory, LIAISON_LINES } from '../grid.events.constants.ts';
import type { EventBody, EventStatus } from '../grid.tables.ts';
import { actionsFor, type EventRow, eventFor, isDispatcher, readsEvents, servingLiaison } from './events-access.ts';
import { reporterShown } from './events-list.ts';
import { type FileSummary, filesOf } from './files.ts';

export interface EventStep {
  kind: string;
  fromStatus: EventStatus | null;
  toStatus: EventStatus;
  body: EventBody | null;
  actorName: string;
  note: string | null;
  at: Date;
}
export interface EventView {
  id: string;
  category: EventCategory;
  description: string;
  placeId: string;
  placeName: string;
  compoundId: string;
  compoundName: string;
  location: string;
  urgency: EventRow['urgency'];
  status: EventStatus;
  level: EventRow['level'];
  body: EventBody | null;
  liaisonName: string | null;
  patrolId: string | null;
  dispatchedAt: Date | null;
  dueAt: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  overdue: boolean;
  overdueEscalatedAt: Date | null;
  resolutionNote: string | null;
  reporterName: string;
  reportedVia: 'staff' | 'resident';
  rating: number | null;
  ratingComment: string | null;
  createdAt: Date;
  /** The photos of the report and of the handling (/api/grid/files/:id). */
  files: FileSummary[];
  timeline: EventStep[];
  /** What the viewer may do now (the same checks the use cases make). */
  actions: EventAction[];
  /** The bodies the event can go to now (a dispatcher's choice): property with a company, the committee, the lines with a serving liaison. */
  bodies: { body: EventBody; liaisonName: string | null }[];
}

export async function timelineOf(db: Executor, e: { streetId: string; id: string }): Promise<EventStep[]> {
  return db
    .selectFrom('grid_event_steps')
    .select(['kind', 'from_status as fromStatus', 'to_status as toStatus', 'body', 'actor_name as actorName', 'note', 'at'])
    .where('street_id', '=', e.streetId)
    .where('event_id', '=', e.id)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

async function bodiesAt(db: Executor, ctx: Ctx, e: EventRow): Promise<EventView['bodies']> {
  const out: EventView['bodies'] = [];
  if ((await compoundServices(db, e.compoundId)).propertyCompany) out.push({ body: 'property', liaisonName: null });
  out.push({ body: 'committee', liaisonName: null });
  const today = chinaDay(ctx.kernel.clock.now());
  for (const line of LIAISON_LINES) {
    const l = await servingLiaison(db, e.streetId, e.compoundId, line, today);
    if (l) out.push({ body: line, liaisonName: l.name });
  }
  return out;
}

/** Shapes an event for whoever may read it (staff here, the reporter through events-mine.ts). */
export async function eventView(db: Executor, ctx: Ctx, row: EventRow): Promise<EventView> {
  const now = ctx.kernel.clock.now();
  const actions = await actionsFor(db, ctx, row);
  return {
    id: row.id,
    category: row.category as EventCategory,
    description: row.description,
    placeId: row.placeId,
    placeName: row.placeName,
    compoundId: row.compoundId,
    compoundName: row.compoundName,
    location: row.location,
    urgency: row.urgency,
    status: row.status,
    level: row.level,
    body: row.body,
    liaisonName: row.liaisonName,
    patrolId: row.patrolId,
    dispatchedAt: row.dispatchedAt,
    dueAt: row.dueAt,
    resolvedAt: row.resolvedAt,
    closedAt: row.closedAt,
    overdue: (row.status === 'dispatched' || row.status === 'handling') && !!row.dueAt && row.dueAt < now,
    overdueEscalatedAt: row.overdueEscalatedAt,
    resolutionNote: row.resolutionNote,
    reporterName: reporterShown(ctx, row),
    reportedVia: row.reportedVia,
    rating: row.rating,
    ratingComment: row.ratingComment,
    createdAt: row.createdAt,
    files: (await filesOf(db, row.streetId, 'event', [row.id])).get(row.id) ?? [],
    timeline: await timelineOf(db, row),
    actions,
    bodies: isDispatcher(ctx, row) ? await bodiesAt(db, ctx, row) : [],
  };
}

/** An event for staff (a staff reporter too, wherever they now serve; residents read theirs through events-mine.ts): its details, photos, timeline, the actions the viewer may take and the bodies it can go to. */
export async function getEvent(ctx: Ctx, id: string): Promise<EventView> {
  const db = read(ctx);
  return eventView(db, ctx, await eventFor(db, ctx, id, { asReporter: readsEvents(ctx) }));
}
