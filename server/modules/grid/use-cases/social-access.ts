import { findPlace, isSystem } from '../../../kernel/access/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { GridErrors } from '../grid.errors.ts';
import type { Executor } from '../grid.db.ts';
import { allows } from '../grid.policy.ts';
import { ROUND_STATUS_ZH, type RoundStatus } from '../grid.social.contract.ts';
import { SocialErrors } from '../grid.social.errors.ts';

/**
 * The shared rules of the social part. Organisations and rounds belong to a place (a community or the street):
 * socialRead / socialManage / ventureApprove with a grant covering that place allow reading, running and approving.
 * A round's panel members (accounts named by ventureApprove) read the round and score its applications without a grant.
 */

/** Yuan from fen, for messages ('12000.50'). */
export const yuan = (fen: number) => (fen / 100).toFixed(2).replace(/\.00$/, '');

/** The acting account, as a column referring to accounts (the system's own actor is none). */
export const accountOf = (ctx: Ctx): string | null => (isSystem(ctx.actor) ? null : ctx.actor.accountId);

/** A community or street the actor holds `permission` over; else PLACE_NOT_FOUND / SOCIAL_ORG_PLACE_INVALID. */
export async function socialPlace(db: Executor, ctx: Ctx, placeId: string, permission: 'socialManage' | 'ventureApprove') {
  const place = await findPlace(db, placeId);
  if (!place || !place.street_id || !allows(ctx.actor, permission, place.path)) throw GridErrors.PLACE_NOT_FOUND();
  if (place.kind !== 'community' && place.kind !== 'street') throw SocialErrors.SOCIAL_ORG_PLACE_INVALID();
  return { ...place, street_id: place.street_id };
}

export interface OrgRow {
  streetId: string;
  id: string;
  placeId: string;
  placePath: string;
  placeName: string;
  name: string;
  active: boolean;
}

export async function orgById(db: Executor, id: string): Promise<OrgRow | undefined> {
  return db
    .selectFrom('grid_social_orgs as o')
    .innerJoin('street_places as p', (j) => j.onRef('p.street_id', '=', 'o.street_id').onRef('p.id', '=', 'o.place_id'))
    .select(['o.street_id as streetId', 'o.id', 'o.place_id as placeId', 'p.path as placePath', 'p.name as placeName', 'o.name', 'o.active'])
    .where('o.id', '=', id)
    .executeTakeFirst();
}

export interface RoundRow {
  streetId: string;
  id: string;
  placeId: string;
  placePath: string;
  placeName: string;
  title: string;
  year: number;
  poolFen: number;
  capFen: number;
  opensOn: string;
  closesOn: string;
  status: RoundStatus;
  createdAt: Date;
}

export async function roundById(db: Executor, id: string, { lock = false } = {}): Promise<RoundRow | undefined> {
  const q = db
    .selectFrom('grid_venture_rounds as r')
    .innerJoin('street_places as p', (j) => j.onRef('p.street_id', '=', 'r.street_id').onRef('p.id', '=', 'r.place_id'))
    .select([
      'r.street_id as streetId',
      'r.id',
      'r.place_id as placeId',
      'p.path as placePath',
      'p.name as placeName',
      'r.title',
      'r.year',
      'r.pool_fen as poolFen',
      'r.cap_fen as capFen',
      'r.opens_on as opensOn',
      'r.closes_on as closesOn',
      'r.status',
      'r.created_at as createdAt',
    ])
    .where('r.id', '=', id);
  return (lock ? q.forUpdate('r') : q).executeTakeFirst();
}

export interface RoundAccess {
  reads: boolean;
  manages: boolean;
  approves: boolean;
  /** The actor's panel row, when on the panel. */
  reviewer: { accountId: string; affiliationOrgId: string | null } | null;
}

export async function accessToRound(db: Executor, ctx: Ctx, round: RoundRow): Promise<RoundAccess> {
  const reviewer = isSystem(ctx.actor)
    ? null
    : await db
        .selectFrom('grid_venture_reviewers')
        .select(['account_id as accountId', 'affiliation_org_id as affiliationOrgId'])
        .where('street_id', '=', round.streetId)
        .where('round_id', '=', round.id)
        .where('account_id', '=', ctx.actor.accountId)
        .executeTakeFirst();
  const manages = allows(ctx.actor, 'socialManage', round.placePath);
  const approves = allows(ctx.actor, 'ventureApprove', round.placePath);
  return { reviewer: reviewer ?? null, manages, approves, reads: manages || approves || !!reviewer || allows(ctx.actor, 'socialRead', round.placePath) };
}

/** A round the actor may read (locked when asked), with what it may do; else VENTURE_ROUND_NOT_FOUND. */
export async function readableRound(db: Executor, ctx: Ctx, id: string, opts: { lock?: boolean } = {}): Promise<RoundRow & RoundAccess> {
  const round = await roundById(db, id, opts);
  if (!round) throw SocialErrors.VENTURE_ROUND_NOT_FOUND();
  const access = await accessToRound(db, ctx, round);
  if (!access.reads) throw SocialErrors.VENTURE_ROUND_NOT_FOUND();
  return { ...round, ...access };
}

/** The round in one of the statuses a step needs; else VENTURE_ROUND_WRONG_STATUS. */
export function needStatus(round: RoundRow, from: readonly RoundStatus[], action: { zh: string; en: string }) {
  if (!from.includes(round.status)) throw SocialErrors.VENTURE_ROUND_WRONG_STATUS({ status: round.status, statusZh: ROUND_STATUS_ZH[round.status], step: action.en, stepZh: action.zh });
}

export interface ApplicationRow {
  streetId: string;
  id: string;
  roundId: string;
  no: number;
  orgId: string;
  title: string;
  budgetFen: number;
  grantFen: number | null;
  grade: string | null;
  createdAt: Date;
}

export async function applicationById(db: Executor, id: string, { lock = false } = {}): Promise<ApplicationRow | undefined> {
  const q = db
    .selectFrom('grid_venture_applications')
    .select(['street_id as streetId', 'id', 'round_id as roundId', 'no', 'org_id as orgId', 'title', 'budget_fen as budgetFen', 'grant_fen as grantFen', 'grade', 'created_at as createdAt'])
    .where('id', '=', id);
  return (lock ? q.forUpdate() : q).executeTakeFirst();
}

/** An application and its round, the round readable by the actor; else VENTURE_APPLICATION_NOT_FOUND. */
export async function readableApplication(db: Executor, ctx: Ctx, id: string, opts: { lock?: boolean } = {}) {
  const app = await applicationById(db, id, opts);
  if (!app) throw SocialErrors.VENTURE_APPLICATION_NOT_FOUND();
  const round = await roundById(db, app.roundId, opts);
  if (!round) throw SocialErrors.VENTURE_APPLICATION_NOT_FOUND();
  const access = await accessToRound(db, ctx, round);
  if (!access.reads) throw SocialErrors.VENTURE_APPLICATION_NOT_FOUND();
  return { app, round: { ...round, ...access } };
}

/** A funded project (an application with a grant) the actor manages (socialManage over its round's place). */
export async function managedProject(db: Executor, ctx: Ctx, id: string, opts: { lock?: boolean } = {}) {
  const { app, round } = await readableApplication(db, ctx, id, opts);
  if (!round.manages) throw SocialErrors.VENTURE_APPLICATION_NOT_FOUND();
  if (app.grantFen === null) throw SocialErrors.VENTURE_PROJECT_NOT_FUNDED();
  return { app: { ...app, grantFen: app.grantFen }, round };
}
