import { sql } from 'kysely';
import type { Ctx } from '../../../kernel/context.ts';
import { type Page, type PageQuery, offsetOf, paginate } from '../../../kernel/pagination.ts';
import { read } from '../volunteers.db.ts';
import type { LedgerSource, VolunteerStatus } from '../volunteers.tables.ts';

export interface MyLedgerLine {
  id: string;
  delta: number;
  minutes: number;
  balanceAfter: number;
  sourceKind: LedgerSource;
  note: string;
  placeName: string;
  createdAt: Date;
}

/**
 * 我的时长与积分 (H5): the acting resident's balance, points earned, service minutes (hours = minutes ÷ 60, shown with
 * one decimal) and the ledger's lines, newest first, a page at a time — each line's source as its kind and note (the
 * activity's or task's title, the reward's name). Also their volunteer status, so the page can offer to register.
 */
export async function myPoints(ctx: Ctx, q: PageQuery): Promise<{ status: VolunteerStatus | null; balance: number; earned: number; minutes: number; hours: string; ledger: Page<MyLedgerLine> }> {
  const personId = ctx.actor.personId;
  const empty = { items: [], total: 0, page: q.page, pageSize: q.pageSize };
  if (!personId) return { status: null, balance: 0, earned: 0, minutes: 0, hours: '0.0', ledger: empty };
  const db = read(ctx);
  const [volunteer, totals] = await Promise.all([
    db.selectFrom('vol_volunteers').select('status').where('person_id', '=', personId).orderBy('created_at', 'desc').executeTakeFirst(),
    db
      .selectFrom('vol_point_accounts')
      .select([sql<number>`coalesce(sum(balance), 0)::int`.as('balance'), sql<number>`coalesce(sum(earned), 0)::int`.as('earned'), sql<number>`coalesce(sum(minutes), 0)::int`.as('minutes')])
      .where('person_id', '=', personId)
      .executeTakeFirstOrThrow(),
  ]);
  const lines = () =>
    db
      .selectFrom('vol_points_ledger as l')
      .innerJoin('street_places as p', (j) => j.onRef('p.street_id', '=', 'l.street_id').onRef('p.id', '=', 'l.place_id'))
      .where('l.person_id', '=', personId);
  const items = lines()
    .select(['l.id', 'l.delta', 'l.minutes', 'l.balance_after as balanceAfter', 'l.source_kind as sourceKind', 'l.note', 'p.name as placeName', 'l.created_at as createdAt'])
    .orderBy('l.created_at', 'desc')
    .orderBy('l.id', 'desc')
    .limit(q.pageSize)
    .offset(offsetOf(q))
    .execute();
  const count = lines()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const minutes = Number(totals.minutes);
  return {
    status: volunteer?.status ?? null,
    balance: Number(totals.balance),
    earned: Number(totals.earned),
    minutes,
    hours: hoursOf(minutes),
    ledger: await paginate(q, items, count),
  };
}

/** Minutes as hours with one decimal, rounded half up on the tenth: 90 → '1.5', 100 → '1.7', 0 → '0.0'. */
export const hoursOf = (minutes: number): string => (Math.round((minutes * 10) / 60) / 10).toFixed(1);
