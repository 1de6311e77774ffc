import { type Expression, type SqlBool, sql } from 'kysely';
import { z } from 'zod';
import { type Actor, holdsAny, scopePrefixes } from '../access/actor.ts';
import { pathLabel } from '../access/places.ts';
import { placeInScope } from '../access/scope.ts';
import type { Ctx } from '../context.ts';
import type { Executor } from '../db/index.ts';
import { containing } from '../db/like.ts';
import type { Locale } from '../errors.ts';
import type { StaffHomeSlice, StaffToDo } from '../module.ts';
import { offsetOf, type Page, type PageQuery, type SortedBy, sortable } from '../pagination.ts';
import {
  availableActions,
  loadVisibleStatement,
  PAYOUT_STATUSES,
  type PayoutKind,
  type PayoutStatus,
  payoutKinds,
  periodContaining,
  previousPeriod,
  readerRoles,
} from './payouts.ts';

/** The total of a statement row `s`: the sum of its lines, computed where it is read. */
const TOTAL = sql<number>`(select coalesce(sum(l.amount_fen), 0)::int8 from payout_lines l where l.street_id = s.street_id and l.statement_id = s.id)`;
const LINE_COUNT = sql<number>`(select count(*)::int from payout_lines l where l.street_id = s.street_id and l.statement_id = s.id)`;
/** Statuses in the order of the flow, for sorting. */
const STATUS_ORDER = sql<number>`array_position(array['draft','reviewed','approved','paid','closed']::text[], s.status)`;

/** Statements sort by period (newest first by default), kind, payee, status (the flow's order), total or generation time. */
export const StatementsSort = sortable(
  { period: 's.period', kind: 's.kind', payee: 's.payee_name', status: STATUS_ORDER, total: TOTAL, generatedAt: 's.generated_at' },
  { sort: 'period', order: 'desc' },
  's.id',
);

export const StatementsQuery = z.object({
  kind: z.string().max(80).optional(),
  period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/).optional(),
  status: z.enum(PAYOUT_STATUSES).optional(),
  q: z.string().trim().max(50).optional(),
  /** Only statements at or below this place (the workbench's place selector). */
  placeId: z.uuid().optional(),
});
export type StatementsQuery = z.infer<typeof StatementsQuery>;

const kindName = (k: PayoutKind | undefined, key: string, locale: Locale) => (k ? (locale === 'en' ? k.name.en : k.name.zh) : key);

/** The kinds whose statements the actor sees (their reviewers' and approvers' roles). */
export const visibleKinds = (actor: Actor) => payoutKinds().filter((k) => holdsAny(actor, readerRoles(k)));

/** Row filter: statements of a kind at places where the actor holds one of that kind's reviewer or approver roles. */
function statementScope(actor: Actor): Expression<SqlBool> {
  const terms = visibleKinds(actor).map((k) => sql<SqlBool>`(s.kind = ${k.key} and ${placeInScope(sql.ref('s.place_id'), scopePrefixes(actor, readerRoles(k)))})`);
  return terms.length ? sql<SqlBool>`(${sql.join(terms, sql` or `)})` : sql<SqlBool>`false`;
}

function filtered(db: Executor, actor: Actor, q: StatementsQuery) {
  return db
    .selectFrom('payout_statements as s')
    .innerJoin('places as p', 'p.id', 's.place_id')
    .where(statementScope(actor))
    .$if(!!q.kind, (qb) => qb.where('s.kind', '=', q.kind!))
    .$if(!!q.period, (qb) => qb.where('s.period', '=', q.period!))
    .$if(!!q.status, (qb) => qb.where('s.status', '=', q.status!))
    .$if(!!q.q, (qb) => qb.where('s.payee_name', 'like', containing(q.q!)))
    .$if(!!q.placeId, (qb) => qb.where(sql<SqlBool>`p.path like (select sp.path || '%' from places sp where sp.id = ${q.placeId!})`));
}

function listColumns(db: Executor, actor: Actor, q: StatementsQuery) {
  return filtered(db, actor, q).select([
    's.id',
    's.kind',
    's.payee_type as payeeType',
    's.payee_id as payeeId',
    's.payee_name as payeeName',
    's.place_id as placeId',
    'p.name as placeName',
    pathLabel('p.path', ['community', 'compound', 'building']).as('placeLabel'),
    's.period',
    's.status',
    TOTAL.as('totalFen'),
    LINE_COUNT.as('lineCount'),
    's.generated_at as generatedAt',
    's.reviewed_at as reviewedAt',
    's.approved_at as approvedAt',
    's.paid_at as paidAt',
    's.voucher_no as voucherNo',
  ]);
}

/** 结算单列表: the statements the actor sees, filtered, sorted and paged; each with its total from its lines. */
export async function listStatements(ctx: Ctx, q: PageQuery & SortedBy<typeof StatementsSort> & StatementsQuery): Promise<Page<unknown>> {
  const db = ctx.kernel.db;
  const kinds = new Map(payoutKinds().map((k) => [k.key, k]));
  const [rows, total] = await Promise.all([
    StatementsSort.orderBy(listColumns(db, ctx.actor, q), q).limit(q.pageSize).offset(offsetOf(q)).execute(),
    filtered(db, ctx.actor, q).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((r) => ({ ...r, kindName: kindName(kinds.get(r.kind), r.kind, ctx.actor.locale) })),
    total: Number(total.n),
    page: q.page,
    pageSize: q.pageSize,
    sort: q.sort ?? StatementsSort.defaults.sort,
    order: q.order ?? StatementsSort.defaults.order,
  };
}

/** Every statement matching the filters (for the export), in the list's order; at most `limit`. */
export async function allStatements(ctx: Ctx, q: SortedBy<typeof StatementsSort> & StatementsQuery, limit = 20_000) {
  const kinds = new Map(payoutKinds().map((k) => [k.key, k]));
  const rows = await StatementsSort.orderBy(listColumns(ctx.kernel.db, ctx.actor, q), q).limit(limit).execute();
  return rows.map((r) => ({ ...r, kindName: kindName(kinds.get(r.kind), r.kind, ctx.actor.locale) }));
}

/** 结算单详情: the statement, its lines (each with what reverses it), its total, its timeline and what the actor may do. */
export async function getStatement(ctx: Ctx, id: string) {
  const db = ctx.kernel.db;
  const s = await loadVisibleStatement(db, ctx.actor, id);
  const en = ctx.actor.locale === 'en';
  const [lines, timeline, names, place, actions] = await Promise.all([
    db
      .selectFrom('payout_lines as l')
      .leftJoin('accounts as a', 'a.id', 'l.created_by')
      .leftJoin('street_places as lp', (j) => j.onRef('lp.street_id', '=', 'l.street_id').onRef('lp.id', '=', 'l.place_id'))
      .leftJoin('payout_lines as r', (j) => j.onRef('r.street_id', '=', 'l.street_id').onRef('r.reverses_line_id', '=', 'l.id'))
      .leftJoin('payout_statements as rs', (j) => j.onRef('rs.street_id', '=', 'r.street_id').onRef('rs.id', '=', 'r.statement_id'))
      .select([
        'l.id',
        'l.source_type as sourceType',
        'l.source_id as sourceId',
        'l.place_id as placeId',
        pathLabel('lp.path', ['compound', 'building', 'unit', 'room']).as('placeLabel'),
        'l.description',
        'l.quantity',
        'l.unit_fen as unitFen',
        'l.amount_fen as amountFen',
        'l.reverses_line_id as reversesLineId',
        'l.reason',
        'l.created_at as createdAt',
        'a.display_name as createdBy',
        'r.id as reversedById',
        'rs.period as reversedInPeriod',
      ])
      .where('l.street_id', '=', s.row.street_id)
      .where('l.statement_id', '=', id)
      .orderBy('l.created_at')
      .orderBy('l.id')
      .execute(),
    db
      .selectFrom('audit_log')
      .select(['seq', 'at', 'actor_name as actorName', 'action', 'detail'])
      .where('subject_type', '=', 'payout_statement')
      .where('subject_id', '=', id)
      .orderBy('seq')
      .execute(),
    db
      .selectFrom('accounts')
      .select(['id', 'display_name'])
      .where('id', 'in', [s.row.generated_by, s.row.reviewed_by, s.row.approved_by, s.row.paid_by, s.row.closed_by, '00000000-0000-0000-0000-000000000000'].filter((x): x is string => !!x))
      .execute(),
    db.selectFrom('places as p').select(pathLabel('p.path', ['community', 'compound', 'building']).as('label')).where('p.id', '=', s.row.place_id).executeTakeFirst(),
    availableActions(db, ctx.actor, s),
  ]);
  const nameOf = (accountId: string | null) => (accountId ? (names.find((n) => n.id === accountId)?.display_name ?? null) : null);
  const r = s.row;
  return {
    id: r.id,
    kind: r.kind,
    kindName: en ? s.kind.name.en : s.kind.name.zh,
    payeeKind: en ? s.kind.payee.en : s.kind.payee.zh,
    payeeType: r.payee_type,
    payeeId: r.payee_id,
    payeeName: r.payee_name,
    placeId: r.place_id,
    placeName: s.place.name,
    placeLabel: place?.label || s.place.name,
    period: r.period,
    status: r.status as PayoutStatus,
    totalFen: lines.reduce((a, l) => a + l.amountFen, 0),
    generatedAt: r.generated_at,
    generatedBy: nameOf(r.generated_by),
    reviewedAt: r.reviewed_at,
    reviewedBy: nameOf(r.reviewed_by),
    approvedAt: r.approved_at,
    approvedBy: nameOf(r.approved_by),
    paidAt: r.paid_at,
    paidBy: nameOf(r.paid_by),
    voucherNo: r.voucher_no,
    voucherFileName: r.voucher_file_name,
    closedAt: r.closed_at,
    closedBy: nameOf(r.closed_by),
    lines,
    timeline,
    actions,
  };
}

/**
 * Figures per kind (结算汇总): for each kind and period the actor sees, the statements per status and
 * the total of their lines, and the total paid (paid or closed).
 */
export async function payoutSummary(ctx: Ctx, q: { kind?: string; period?: string }) {
  const rows = await ctx.kernel.db
    .selectFrom('payout_statements as s')
    .where(statementScope(ctx.actor))
    .$if(!!q.kind, (qb) => qb.where('s.kind', '=', q.kind!))
    .$if(!!q.period, (qb) => qb.where('s.period', '=', q.period!))
    .select([
      's.kind',
      's.period',
      's.status',
      sql<number>`count(*)::int`.as('statements'),
      sql<number>`coalesce(sum(${TOTAL}), 0)::int8`.as('totalFen'),
    ])
    .groupBy(['s.kind', 's.period', 's.status'])
    .orderBy('s.period', 'desc')
    .orderBy('s.kind')
    .execute();
  const kinds = new Map(payoutKinds().map((k) => [k.key, k]));
  const out = new Map<string, { kind: string; kindName: string; period: string; statements: number; totalFen: number; paidFen: number; byStatus: Record<PayoutStatus, { statements: number; totalFen: number }> }>();
  for (const r of rows) {
    const key = `${r.kind} ${r.period}`;
    let item = out.get(key);
    if (!item) {
      const byStatus = Object.fromEntries(PAYOUT_STATUSES.map((st) => [st, { statements: 0, totalFen: 0 }])) as Record<PayoutStatus, { statements: number; totalFen: number }>;
      item = { kind: r.kind, kindName: kindName(kinds.get(r.kind), r.kind, ctx.actor.locale), period: r.period, statements: 0, totalFen: 0, paidFen: 0, byStatus };
      out.set(key, item);
    }
    const st = r.status as PayoutStatus;
    item.byStatus[st] = { statements: r.statements, totalFen: r.totalFen };
    item.statements += r.statements;
    item.totalFen += r.totalFen;
    if (st === 'paid' || st === 'closed') item.paidFen += r.totalFen;
  }
  return { items: [...out.values()] };
}

/** The kinds the actor sees, with their labels, the period the job makes next and the last ended one. */
export function listKinds(ctx: Ctx) {
  const en = ctx.actor.locale === 'en';
  const now = ctx.kernel.clock.now();
  return {
    items: visibleKinds(ctx.actor).map((k) => ({
      key: k.key,
      name: en ? k.name.en : k.name.zh,
      payee: en ? k.payee.en : k.payee.zh,
      period: k.period,
      lastEndedPeriod: previousPeriod(k.period, now).label,
      currentPeriod: periodContaining(k.period, now).label,
      reviewerRoles: k.reviewerRoles,
      approverRoles: k.approverRoles,
    })),
  };
}

/**
 * The workbench home's to-dos of payout statements: drafts for the kinds the official reviews, reviewed
 * ones for the kinds they approve — each count the total of the list its link opens.
 */
export async function payoutsStaffHome(ctx: Ctx): Promise<StaffHomeSlice> {
  const todos: StaffToDo[] = [];
  for (const [key, roles, status] of [
    ['payoutsToReview', (k: PayoutKind) => k.reviewerRoles, 'draft'],
    ['payoutsToApprove', (k: PayoutKind) => k.approverRoles, 'reviewed'],
  ] as const) {
    const kinds = payoutKinds().filter((k) => holdsAny(ctx.actor, roles(k)));
    if (kinds.length === 0) continue;
    let count = 0;
    for (const k of kinds) count += (await listStatements(ctx, { page: 1, pageSize: 1, kind: k.key, status })).total;
    todos.push({ key, count, link: `/payouts?status=${status}` });
  }
  return { todos };
}

export interface SourceStatement {
  sourceId: string;
  lineId: string;
  statementId: string;
  period: string;
  status: PayoutStatus;
  paidAt: Date | null;
}

/**
 * Where a module's records stand in the payout flow: for each backing record (`sourceType`, `sourceIds`) of a kind,
 * the statement its standing line is on — a line not reversed by a correction — with the statement's status. Records
 * on no statement yet are left out. For a module's own pages (a household's subsidy, say); it checks access itself.
 */
export async function sourceStatements(db: Executor, input: { streetId: string; kind: string; sourceType: string; sourceIds: readonly string[] }): Promise<Map<string, SourceStatement>> {
  const out = new Map<string, SourceStatement>();
  if (input.sourceIds.length === 0) return out;
  const rows = await db
    .selectFrom('payout_lines as l')
    .innerJoin('payout_statements as s', (j) => j.onRef('s.street_id', '=', 'l.street_id').onRef('s.id', '=', 'l.statement_id'))
    .select(['l.source_id as sourceId', 'l.id as lineId', 's.id as statementId', 's.period', 's.status', 's.paid_at as paidAt'])
    .where('l.street_id', '=', input.streetId)
    .where('s.kind', '=', input.kind)
    .where('l.source_type', '=', input.sourceType)
    .where('l.source_id', '=', sql<string>`any(${[...input.sourceIds]}::uuid[])`)
    .where('l.reverses_line_id', 'is', null)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('payout_lines as r').select('r.id').whereRef('r.street_id', '=', 'l.street_id').whereRef('r.reverses_line_id', '=', 'l.id'))))
    .orderBy('l.created_at')
    .execute();
  for (const r of rows) out.set(r.sourceId, { ...r, status: r.status as PayoutStatus });
  return out;
}
