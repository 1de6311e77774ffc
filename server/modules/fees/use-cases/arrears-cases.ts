import { accountOf } from './arrears-scope.ts';
import { findPlace, pathLabel } from '../../../kernel/access/index.ts';
import { audit, type Ctx } from '../../../kernel/context.ts';
import type { Executor as AnyExecutor, Tx as AnyTx } from '../../../kernel/db/index.ts';
import { newId } from '../../../kernel/ids.ts';
import { maskName } from '../../../kernel/pii/pii.ts';
import { offsetOf, paginate, sortable } from '../../../kernel/pagination.ts';
import { currentMembersOfRoom } from '../../registry/index.ts';
import type { ArrearsCaseStatus, ArrearsCaseStep, MediationOutcome, VisitOutcome } from '../fees.arrears.constants.ts';
import { arrearsRooms } from '../fees.arrears.repository.ts';
import { type Executor, read, type Tx, write } from '../fees.db.ts';
import { FeesErrors } from '../fees.errors.ts';
import { allows, authorize, placeFilter } from '../fees.policy.ts';
import type { CasesQuery, OpenCaseBody } from '../fees.arrears.schemas.ts';
import { arrearsScope, seesFullNames } from './arrears-scope.ts';
import { readablePlacePath } from './place-scope.ts';

/**
 * Arrears cases (欠费处置): staff open one for a room in arrears (one live case per room), hand it to a grid
 * worker's visit, then to mediation, and close it; every step leaves a note in the case's history. The grid and
 * mediation modules (still to come) find the cases waiting for them and record their outcome through the
 * hooks at the end of this file, exported from the module's index.ts.
 */
const caseRow = (db: Executor) =>
  db
    .selectFrom('fee_arrears_cases as c')
    .innerJoin('street_places as room', (j) => j.onRef('room.street_id', '=', 'c.street_id').onRef('room.id', '=', 'c.room_id'))
    .select([
      'c.id',
      'c.street_id as streetId',
      'c.room_id as roomId',
      'c.compound_id as compoundId',
      'room.path as roomPath',
      pathLabel('room.path', ['compound', 'building', 'unit', 'room']).as('roomLabel'),
      'c.status',
      'c.amount_fen as amountFen',
      'c.note',
      'c.visit_outcome as visitOutcome',
      'c.mediation_outcome as mediationOutcome',
      'c.opened_at as openedAt',
      'c.updated_at as updatedAt',
      'c.closed_at as closedAt',
    ]);

async function addNote(tx: Tx, ctx: Ctx, c: { streetId: string; id: string }, step: ArrearsCaseStep, text: string) {
  await tx.insertInto('fee_arrears_case_notes').values({ street_id: c.streetId, id: newId(), case_id: c.id, step, text, by_account: accountOf(ctx), at: ctx.kernel.clock.now() }).execute();
}

export async function openArrearsCase(ctx: Ctx, input: OpenCaseBody) {
  const db = read(ctx);
  const room = await findPlace(db, input.roomId);
  if (!room || room.kind !== 'room' || !allows(ctx.actor, 'read', room.path)) throw FeesErrors.PLACE_NOT_FOUND();
  const { streetId, day } = await arrearsScope(ctx, room.id, 'bill');
  const owed = await db.selectFrom(arrearsRooms(db, streetId, room.path, day).as('r')).select(['r.owedFen', 'r.compoundId']).executeTakeFirst();
  if (!owed) throw FeesErrors.ROOM_NOT_IN_ARREARS();
  return write(ctx, async (tx) => {
    const live = await tx.selectFrom('fee_arrears_cases').select('id').where('street_id', '=', streetId).where('room_id', '=', room.id).where('status', '<>', 'closed').executeTakeFirst();
    if (live) throw FeesErrors.CASE_OPEN_ALREADY();
    const id = newId();
    const at = ctx.kernel.clock.now();
    await tx
      .insertInto('fee_arrears_cases')
      .values({ street_id: streetId, id, room_id: room.id, compound_id: owed.compoundId, amount_fen: Number(owed.owedFen), note: input.note ?? '', opened_by: accountOf(ctx), opened_at: at, updated_at: at })
      .execute();
    await addNote(tx, ctx, { streetId, id }, 'opened', input.note ?? '');
    await audit(tx, ctx, { action: 'fees.case.opened', placeId: room.id, subjectType: 'fee_arrears_case', subjectId: id, detail: { amountFen: Number(owed.owedFen) } });
    return { id, status: 'open' as const };
  });
}

/** A case the actor reads (else 404) and, for a change, may work (bill role; else 403). */
async function caseFor(ctx: Ctx, id: string, permission: 'read' | 'bill') {
  const c = await caseRow(read(ctx)).where('c.id', '=', id).executeTakeFirst();
  if (!c || !allows(ctx.actor, 'read', c.roomPath)) throw FeesErrors.CASE_NOT_FOUND();
  authorize(ctx.actor, permission, c.roomPath);
  return c;
}

const STEP_OF = { visit: 'to_visit', mediation: 'to_mediation', closed: 'closed' } as const;
const MAY_MOVE: Record<'visit' | 'mediation' | 'closed', ArrearsCaseStatus[]> = { visit: ['open'], mediation: ['open', 'visit'], closed: ['open', 'visit', 'mediation'] };

/** Staff hand a case on: to a grid worker's visit, to mediation, or close it — each with a note. */
export async function moveArrearsCase(ctx: Ctx, id: string, to: 'visit' | 'mediation' | 'closed', input: { note?: string | undefined }) {
  const c = await caseFor(ctx, id, 'bill');
  if (!MAY_MOVE[to].includes(c.status)) throw FeesErrors.CASE_WRONG_STEP();
  return write(ctx, async (tx) => {
    const at = ctx.kernel.clock.now();
    const done = await tx
      .updateTable('fee_arrears_cases')
      .set({ status: to, updated_at: at, ...(to === 'closed' ? { closed_at: at } : {}) })
      .where('street_id', '=', c.streetId)
      .where('id', '=', id)
      .where('status', '=', c.status)
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) throw FeesErrors.CASE_WRONG_STEP();
    await addNote(tx, ctx, c, STEP_OF[to], input.note ?? '');
    await audit(tx, ctx, { action: to === 'visit' ? 'fees.case.to_visit' : to === 'mediation' ? 'fees.case.to_mediation' : 'fees.case.closed', placeId: c.roomId, subjectType: 'fee_arrears_case', subjectId: id, detail: { from: c.status, note: input.note ?? '' } });
    return { id, status: to };
  });
}

export async function noteArrearsCase(ctx: Ctx, id: string, input: { note: string }) {
  const c = await caseFor(ctx, id, 'bill');
  if (c.status === 'closed') throw FeesErrors.CASE_WRONG_STEP();
  return write(ctx, async (tx) => {
    await addNote(tx, ctx, c, 'note', input.note);
    await tx.updateTable('fee_arrears_cases').set({ updated_at: ctx.kernel.clock.now() }).where('street_id', '=', c.streetId).where('id', '=', id).execute();
    await audit(tx, ctx, { action: 'fees.case.noted', placeId: c.roomId, subjectType: 'fee_arrears_case', subjectId: id, detail: {} });
    return { id };
  });
}

export async function getArrearsCase(ctx: Ctx, id: string) {
  const c = await caseFor(ctx, id, 'read');
  const db = read(ctx);
  const notes = await db
    .selectFrom('fee_arrears_case_notes as n')
    .leftJoin('accounts as a', 'a.id', 'n.by_account')
    .select(['n.id', 'n.step', 'n.text', 'n.at', 'a.display_name as by'])
    .where('n.street_id', '=', c.streetId)
    .where('n.case_id', '=', id)
    .orderBy('n.at')
    .orderBy('n.id')
    .execute();
  const full = seesFullNames(ctx.actor, c.roomPath);
  const owners = (await currentMembersOfRoom(db, c.roomId)).filter((m) => m.relations.includes('owner') || m.relations.includes('co_owner')).map((m) => (full ? m.name : maskName(m.name)));
  const { roomPath: _p, streetId: _s, ...rest } = c;
  return { ...rest, owners, notes, can: { work: allows(ctx.actor, 'bill', c.roomPath) && c.status !== 'closed' } };
}

export const CasesSort = sortable({ updatedAt: 'c.updated_at', openedAt: 'c.opened_at', amount: 'c.amount_fen', status: 'c.status' }, { sort: 'updatedAt', order: 'desc' }, 'c.id');

export async function listArrearsCases(ctx: Ctx, q: CasesQuery) {
  const db = read(ctx);
  const underPath = await readablePlacePath(ctx, q.placeId);
  const base = () => {
    let s = caseRow(db).where(placeFilter(ctx.actor, 'read', 'c.room_id', 'room.path'));
    if (underPath) s = s.where('room.path', 'like', `${underPath}%`);
    if (q.status) s = s.where('c.status', '=', q.status);
    if (q.q) s = s.where(pathLabel('room.path', ['building', 'unit', 'room']), 'ilike', `%${q.q}%`);
    return s;
  };
  const items = CasesSort.orderBy(base(), q).limit(q.pageSize).offset(offsetOf(q)).execute();
  const count = base()
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const page = await paginate(q, items, count);
  return { ...page, items: page.items.map(({ roomPath: _p, streetId: _s, ...r }) => r) };
}

// ---- Stable hooks for the grid and mediation modules (exported from index.ts; docs/ARCHITECTURE.md) ----

export interface ArrearsCaseForWork {
  id: string;
  roomId: string;
  compoundId: string;
  roomLabel: string;
  amountFen: number;
  status: ArrearsCaseStatus;
  note: string;
  updatedAt: Date;
}

async function casesAt(caller: AnyExecutor, status: 'visit' | 'mediation', input: { streetId: string; since?: Date | undefined }): Promise<ArrearsCaseForWork[]> {
  let q = caseRow(read(caller)).where('c.street_id', '=', input.streetId).where('c.status', '=', status);
  if (input.since) q = q.where('c.updated_at', '>=', input.since);
  const rows = await q.orderBy('c.updated_at').orderBy('c.id').execute();
  return rows.map((r) => ({ id: r.id, roomId: r.roomId, compoundId: r.compoundId, roomLabel: r.roomLabel, amountFen: Number(r.amountFen), status: r.status, note: r.note, updatedAt: r.updatedAt }));
}

/** The street's cases handed to a grid worker's visit (changed since `since`, if given), oldest first. */
export const arrearsCasesForVisit = (db: AnyExecutor, input: { streetId: string; since?: Date }) => casesAt(db, 'visit', input);
/** The street's cases handed to mediation (changed since `since`, if given), oldest first. */
export const arrearsCasesForMediation = (db: AnyExecutor, input: { streetId: string; since?: Date }) => casesAt(db, 'mediation', input);

async function record(caller: AnyTx, ctx: Ctx, caseId: string, expect: 'visit' | 'mediation', set: { visit_outcome: VisitOutcome } | { mediation_outcome: MediationOutcome }, note: string) {
  const tx = read(caller) as Tx;
  const c = await caseRow(tx).where('c.id', '=', caseId).forUpdate('c').executeTakeFirst();
  if (!c) throw FeesErrors.CASE_NOT_FOUND();
  if (c.status !== expect) throw FeesErrors.CASE_WRONG_STEP();
  const at = ctx.kernel.clock.now();
  const paid = 'visit_outcome' in set && set.visit_outcome === 'paid';
  await tx
    .updateTable('fee_arrears_cases')
    .set({ ...set, updated_at: at, ...(paid ? { status: 'closed', closed_at: at } : {}) })
    .where('street_id', '=', c.streetId)
    .where('id', '=', caseId)
    .execute();
  const outcome = 'visit_outcome' in set ? set.visit_outcome : set.mediation_outcome;
  await addNote(tx, ctx, c, expect === 'visit' ? 'visited' : 'mediated', `${outcome}${note ? `：${note}` : ''}`);
  await audit(tx, ctx, { action: expect === 'visit' ? 'fees.case.visited' : 'fees.case.mediated', placeId: c.roomId, subjectType: 'fee_arrears_case', subjectId: caseId, detail: { outcome, note } });
  return { id: caseId, status: paid ? ('closed' as const) : c.status };
}

/**
 * The grid module records a visit's outcome in its own transaction (the caller authorises its grid worker):
 * the case stays with the visit for staff to hand on — or closes when the owner paid.
 */
export const recordArrearsVisit = (tx: AnyTx, ctx: Ctx, caseId: string, input: { outcome: VisitOutcome; note: string }) => record(tx, ctx, caseId, 'visit', { visit_outcome: input.outcome }, input.note);
/** The mediation module records mediation's outcome in its own transaction; staff close the case. */
export const recordArrearsMediation = (tx: AnyTx, ctx: Ctx, caseId: string, input: { outcome: MediationOutcome; note: string }) =>
  record(tx, ctx, caseId, 'mediation', { mediation_outcome: input.outcome }, input.note);
