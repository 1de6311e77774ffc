import { sql } from 'kysely';
import type { Ctx } from '../../../kernel/context.ts';
import { type Page, offsetOf, paginate, sortable } from '../../../kernel/pagination.ts';
import { compoundsUnder } from '../../registry/index.ts';
import { read } from '../supervision.db.ts';
import { placeFilter } from '../supervision.policy.ts';
import type { SubsidyCompoundsQuery } from '../supervision.subsidy.schemas.ts';
import { subsidyScopes, subsidyStreetFor } from './subsidy-scope.ts';

/** The subsidy list sorts by compound, first or last quarter. */
export const SubsidyCompoundsSort = sortable({ compound: 'c.name', from: 's.from_period', to: 's.to_period' }, { sort: 'compound', order: 'asc' }, 's.compound_id');

export interface SubsidyCompoundRow {
  id: string;
  compoundId: string;
  compoundName: string;
  streetId: string;
  fromPeriod: string;
  toPeriod: string | null;
  note: string;
  listedAt: Date;
}

/** The compounds listed for 达标补贴 in the actor's places (a company: those it serves), searchable. */
export async function listSubsidyCompounds(ctx: Ctx, q: SubsidyCompoundsQuery): Promise<Page<SubsidyCompoundRow>> {
  const db = read(ctx);
  const scopes = await subsidyScopes(ctx, db, q.placeId);
  const filtered = () =>
    db
      .selectFrom('sup_subsidy_compounds as s')
      .innerJoin('street_places as c', (j) => j.onRef('c.street_id', '=', 's.street_id').onRef('c.id', '=', 's.compound_id'))
      .select(['s.compound_id as id', 's.compound_id as compoundId', 'c.name as compoundName', 's.street_id as streetId', 's.from_period as fromPeriod', 's.to_period as toPeriod', 's.note', 's.listed_at as listedAt'])
      .where(placeFilter(ctx.actor, 'subsidyRead', 's.compound_id', 'c.path'))
      .where((eb) => (scopes.length ? eb.or(scopes.map((s) => eb('c.path', 'like', `${s.path}%`))) : sql<boolean>`false`))
      .$if(!!q.q, (s) => s.where('c.name', 'ilike', `%${q.q!.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`));
  const items = SubsidyCompoundsSort.orderBy(filtered(), q).limit(q.pageSize).offset(offsetOf(q)).execute();
  const count = filtered()
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return paginate(q, items, count) as Promise<Page<SubsidyCompoundRow>>;
}

/** The street's compounds a street official may list (with company and rooms, and whether listed already). */
export async function listSubsidyCandidates(ctx: Ctx, streetId: string) {
  const db = read(ctx);
  const street = await subsidyStreetFor(ctx, db, streetId, 'subsidyManage');
  const listed = await db.selectFrom('sup_subsidy_compounds').select('compound_id').where('street_id', '=', street.id).execute();
  return (await compoundsUnder(db, street.id)).map((c) => ({ id: c.compoundId, name: c.name, companyName: c.companyName, rooms: c.rooms, listed: listed.some((l) => l.compound_id === c.compoundId) }));
}
