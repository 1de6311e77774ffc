import { chinaDay } from '../../../kernel/clock.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { maskName } from '../../../kernel/pii/pii.ts';
import { roomsOfActor } from '../../registry/index.ts';
import { type Executor, read } from '../volunteers.db.ts';
import { areaText } from '../volunteers.green.constants.ts';
import { GreenErrors } from '../volunteers.green.errors.ts';
import type { GreenAdoptionStatus } from '../volunteers.tables.ts';
import { type AdoptionRow, adoptionRows, type GreenPlotStatus, type PlotRow, plotRows } from './green-access.ts';
import { type CareRecord, careRecordsOf } from './green-care-list.ts';
import { type ResidentCompound, compoundsOfResident } from './resident-compounds.ts';

/** A plot as a resident of its compound sees it: the adopter's name masked (张**), unless it is the resident. */
export interface ResidentPlot {
  id: string;
  compoundId: string;
  compoundName: string;
  name: string;
  areaCenti: number;
  areaText: string;
  location: string;
  description: string;
  status: GreenPlotStatus;
  adopterName: string | null;
  adoptedFrom: string | null;
  adoptedTo: string | null;
  adoptedByMe: boolean;
}

/** One of the resident's own adoptions or applications (the certificate card shows an active one). */
export interface MyAdoption {
  id: string;
  plotId: string;
  plotName: string;
  areaText: string;
  compoundId: string;
  compoundName: string;
  personName: string;
  roomLabel: string | null;
  fromDay: string;
  toDay: string;
  status: GreenAdoptionStatus;
  /** An active adoption covering today: its adopter may post care records. */
  current: boolean;
  rejectReason: string | null;
  endedOn: string | null;
  endReason: string | null;
  createdAt: Date;
}

export interface GreenCompound {
  compoundId: string;
  compoundName: string;
  /** The resident's rooms there: a household adopts through one (optional). */
  rooms: { roomId: string; roomLabel: string }[];
  plots: ResidentPlot[];
}

export function presentResidentPlot(r: PlotRow & { adopterPersonId?: string | null }, mine: boolean): ResidentPlot {
  return {
    id: r.id,
    compoundId: r.compoundId,
    compoundName: r.compoundName,
    name: r.name,
    areaCenti: r.areaCenti,
    areaText: areaText(r.areaCenti),
    location: r.location,
    description: r.description,
    status: r.status,
    adopterName: r.adopterName ? (mine ? r.adopterName : maskName(r.adopterName)) : null,
    adoptedFrom: r.adoptedFrom,
    adoptedTo: r.adoptedTo,
    adoptedByMe: mine,
  };
}

/** The resident's adoptions (and applications), newest first, in the compounds they live in now. */
async function myAdoptionRows(db: Executor, ctx: Ctx, compounds: ResidentCompound[], plotId?: string): Promise<AdoptionRow[]> {
  if (!ctx.actor.personId || !compounds.length) return [];
  return (await adoptionRows(db)
    .where('a.street_id', 'in', [...new Set(compounds.map((c) => c.streetId))])
    .where('a.person_id', '=', ctx.actor.personId)
    .where('a.place_id', 'in', compounds.map((c) => c.compoundId))
    .$if(!!plotId, (q) => q.where('a.plot_id', '=', plotId!))
    .orderBy('a.created_at', 'desc')
    .orderBy('a.id', 'desc')
    .execute()) as AdoptionRow[];
}

const presentMine = (a: AdoptionRow, today: string): MyAdoption => ({
  id: a.id,
  plotId: a.plotId,
  plotName: a.plotName,
  areaText: areaText(a.areaCenti),
  compoundId: a.compoundId,
  compoundName: a.compoundName,
  personName: a.personName,
  roomLabel: a.roomLabel,
  fromDay: a.fromDay,
  toDay: a.toDay,
  status: a.status,
  current: a.status === 'active' && a.fromDay <= today && a.toDay >= today,
  rejectReason: a.rejectReason,
  endedOn: a.endedOn,
  endReason: a.endReason,
  createdAt: a.createdAt,
});

/** Which plots of the listed ones the resident has adopted now. */
async function adoptedByMe(db: Executor, ctx: Ctx, today: string, plotIds: string[]): Promise<Set<string>> {
  if (!ctx.actor.personId || !plotIds.length) return new Set();
  const rows = await db
    .selectFrom('vol_green_adoptions')
    .select('plot_id')
    .where('plot_id', 'in', plotIds)
    .where('person_id', '=', ctx.actor.personId)
    .where('status', '=', 'active')
    .where('from_day', '<=', today)
    .where('to_day', '>=', today)
    .execute();
  return new Set(rows.map((r) => r.plot_id));
}

/** The H5 page: the plots of each compound the resident lives in (closed ones left out) and their own adoptions. */
export async function myGreen(ctx: Ctx): Promise<{ compounds: GreenCompound[]; adoptions: MyAdoption[] }> {
  const db = read(ctx);
  const today = chinaDay(ctx.kernel.clock.now());
  const compounds = ctx.actor.personId ? await compoundsOfResident(db, ctx) : [];
  if (!compounds.length) return { compounds: [], adoptions: [] };
  const rooms = await roomsOfActor(db, ctx);
  const plots = (await plotRows(db, today)
    .where('p.street_id', 'in', [...new Set(compounds.map((c) => c.streetId))])
    .where('p.place_id', 'in', compounds.map((c) => c.compoundId))
    .where('p.closed_at', 'is', null)
    .orderBy('p.name')
    .orderBy('p.id')
    .execute()) as PlotRow[];
  const mine = await adoptedByMe(db, ctx, today, plots.map((p) => p.id));
  return {
    compounds: compounds.map((c) => ({
      compoundId: c.compoundId,
      compoundName: c.compoundName,
      rooms: rooms.filter((r) => r.compoundId === c.compoundId).map((r) => ({ roomId: r.roomId, roomLabel: r.roomLabel })),
      plots: plots.filter((p) => p.compoundId === c.compoundId).map((p) => presentResidentPlot(p, mine.has(p.id))),
    })),
    adoptions: (await myAdoptionRows(db, ctx, compounds)).map((a) => presentMine(a, today)),
  };
}

/**
 * A plot's page for a resident of its compound: the plot, its care records (names masked but the resident's own),
 * the resident's adoptions of it, and their rooms there for an application. Elsewhere: not found.
 */
export async function myGreenPlot(ctx: Ctx, id: string): Promise<{ plot: ResidentPlot; care: CareRecord[]; adoptions: MyAdoption[]; rooms: { roomId: string; roomLabel: string }[] }> {
  const db = read(ctx);
  const today = chinaDay(ctx.kernel.clock.now());
  const compounds = ctx.actor.personId ? await compoundsOfResident(db, ctx) : [];
  const row = compounds.length
    ? ((await plotRows(db, today).where('p.id', '=', id).where('p.place_id', 'in', compounds.map((c) => c.compoundId)).executeTakeFirst()) as PlotRow | undefined)
    : undefined;
  if (!row) throw GreenErrors.PLOT_NOT_FOUND();
  const mine = await adoptedByMe(db, ctx, today, [row.id]);
  const rooms = (await roomsOfActor(db, ctx)).filter((r) => r.compoundId === row.compoundId).map((r) => ({ roomId: r.roomId, roomLabel: r.roomLabel }));
  return {
    plot: presentResidentPlot(row, mine.has(row.id)),
    care: await careRecordsOf(db, row.streetId, row.id, { maskFor: ctx.actor.personId, limit: 50 }),
    adoptions: (await myAdoptionRows(db, ctx, compounds, row.id)).map((a) => presentMine(a, today)),
    rooms,
  };
}
