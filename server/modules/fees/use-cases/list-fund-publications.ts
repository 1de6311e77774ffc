import { sql } from 'kysely';
import type { Ctx } from '../../../kernel/context.ts';
import { type PageQuery, paginate, offsetOf, sortable, type SortedBy } from '../../../kernel/pagination.ts';
import { read } from '../fees.db.ts';
import { FeesErrors } from '../fees.errors.ts';
import type { FundPublishedUse } from '../fees.fund.constants.ts';
import { fundAllows, fundPlaceFilter } from '../fees.fund.policy.ts';
import { quarterSpan } from '../fees.fund.repository.ts';
import { fundStaffPlace, ownedCompounds } from './fund-access.ts';

export const FundPublicationsSort = sortable({ quarter: ['p.quarter'], publishedAt: 'p.published_at', closing: 'p.closing_fen' }, { sort: 'quarter', order: 'desc' }, 'p.id');

const publicationColumns = [
  'p.id',
  'p.street_id as streetId',
  'p.compound_id as compoundId',
  'c.name as compoundName',
  'p.quarter',
  'p.opening_fen as openingFen',
  'p.raised_fen as raisedFen',
  'p.used_fen as usedFen',
  'p.interest_fen as interestFen',
  'p.refunded_fen as refundedFen',
  'p.closing_fen as closingFen',
  'p.uses',
  'p.published_at as publishedAt',
] as const;

const publications = (ctx: Ctx) =>
  read(ctx)
    .selectFrom('fee_fund_publications as p')
    .innerJoin('street_places as c', (j) => j.onRef('c.street_id', '=', 'p.street_id').onRef('c.id', '=', 'p.compound_id'));

const numeric = <T extends { openingFen: number; raisedFen: number; usedFen: number; interestFen: number; refundedFen: number; closingFen: number; uses: FundPublishedUse[] }>(r: T) => ({
  ...r,
  openingFen: Number(r.openingFen),
  raisedFen: Number(r.raisedFen),
  usedFen: Number(r.usedFen),
  interestFen: Number(r.interestFen),
  refundedFen: Number(r.refundedFen),
  closingFen: Number(r.closingFen),
});

/** Staff: the publications of the compounds under a place (or all they read), newest quarter first. */
export async function listFundPublications(ctx: Ctx, q: PageQuery & SortedBy<typeof FundPublicationsSort> & { placeId?: string | undefined }) {
  const place = q.placeId ? await fundStaffPlace(ctx, read(ctx), q.placeId, 'read', ['street', 'community', 'grid', 'compound']) : null;
  const base = () => {
    let s = publications(ctx).where(fundPlaceFilter(ctx.actor, 'read', 'p.compound_id', 'c.path'));
    if (place) s = s.where('c.path', 'like', `${place.path}%`);
    return s;
  };
  const items = FundPublicationsSort.orderBy(base().select(publicationColumns), q).limit(q.pageSize).offset(offsetOf(q)).execute();
  const page = await paginate(q, items, base().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow());
  return { ...page, items: page.items.map(({ uses, streetId: _s, ...r }) => ({ ...numeric({ ...r, uses }), uses: uses.length })) };
}

/** Staff: one publication with its uses. */
export async function getFundPublication(ctx: Ctx, id: string) {
  const r = await publications(ctx).select([...publicationColumns, 'c.path']).where('p.id', '=', id).executeTakeFirst();
  if (!r || !fundAllows(ctx.actor, 'read', r.path)) throw FeesErrors.FUND_PUBLICATION_NOT_FOUND();
  const { path: _p, streetId: _s, ...rest } = r;
  return numeric(rest);
}

/** An owner: the compounds whose fund they read, each with its publications, newest first. */
export async function myFund(ctx: Ctx) {
  const compounds = await ownedCompounds(read(ctx), ctx);
  if (!compounds.length) return { compounds: [] };
  const rows = await publications(ctx)
    .select(publicationColumns)
    .where('p.compound_id', 'in', compounds.map((c) => c.compoundId))
    .orderBy('p.quarter', 'desc')
    .execute();
  return {
    compounds: compounds.map((c) => ({
      compoundId: c.compoundId,
      name: c.name,
      publications: rows
        .filter((r) => r.compoundId === c.compoundId)
        .map((r) => ({ id: r.id, quarter: r.quarter, closingFen: Number(r.closingFen), usedFen: Number(r.usedFen), raisedFen: Number(r.raisedFen), publishedAt: r.publishedAt })),
    })),
  };
}

/**
 * An owner: one publication of a compound where they own a room, with the lines of the quarter for their own
 * rooms (their deposits, interest and refunds) — other owners' rooms are not theirs to read. 404 otherwise.
 */
export async function myFundPublication(ctx: Ctx, id: string) {
  const db = read(ctx);
  const compounds = await ownedCompounds(db, ctx);
  const r = await publications(ctx).select(publicationColumns).where('p.id', '=', id).executeTakeFirst();
  const mine = r && compounds.find((c) => c.compoundId === r.compoundId);
  if (!r || !mine) throw FeesErrors.FUND_PUBLICATION_NOT_FOUND();
  const span = quarterSpan(r.quarter);
  const lines = await db
    .selectFrom('fee_fund_entries')
    .select(['id', 'serial', 'room_id as roomId', sql<string>`to_char(day, 'YYYY-MM-DD')`.as('day'), 'kind', 'amount_fen as amountFen', 'summary'])
    .where('street_id', '=', r.streetId)
    .where('room_id', 'in', mine.roomIds)
    .where('day', '>=', span.from)
    .where('day', '<=', span.to)
    .orderBy('day')
    .orderBy('serial')
    .execute();
  const { streetId: _s, ...rest } = r;
  return {
    ...numeric(rest),
    myLines: lines.map((l) => ({ id: l.id, serial: l.serial, day: l.day, kind: l.kind, amountFen: Number(l.amountFen), summary: l.summary, room: mine.roomLabels.get(l.roomId!) ?? '' })),
  };
}
