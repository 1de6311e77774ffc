import { sql } from 'kysely';
import { pathLabel } from '../../../kernel/access/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { offsetOf, paginate, type PageQuery } from '../../../kernel/pagination.ts';
import { read } from '../fees.db.ts';
import { compoundFor, today } from './bills-access.ts';

/** A compound's registered vacancies, newest first; `current` keeps those in force today. */
export async function listVacancies(ctx: Ctx, q: PageQuery & { compoundId: string; current?: 'true' | 'false' }) {
  const compound = await compoundFor(read(ctx), ctx, q.compoundId, 'read');
  const day = today(ctx);
  const base = read(ctx)
    .selectFrom('fee_vacancies as v')
    .innerJoin('street_places as p', (j) => j.onRef('p.street_id', '=', 'v.street_id').onRef('p.id', '=', 'v.room_id'))
    .where('v.street_id', '=', compound.street_id)
    .where('p.path', 'like', `${compound.path}%`)
    .$if(q.current === 'true', (qb) => qb.where('v.starts_on', '<=', day).where((eb) => eb.or([eb('v.ends_on', 'is', null), eb('v.ends_on', '>', day)])));
  return paginate(
    q,
    base
      .leftJoin('accounts as a', 'a.id', 'v.created_by')
      .select(['v.id', 'v.room_id as roomId', sql<string>`v.starts_on::text`.as('startsOn'), sql<string | null>`v.ends_on::text`.as('endsOn'), 'v.note', 'v.created_at as createdAt', 'a.display_name as createdBy'])
      .select(pathLabel('p.path', ['building', 'unit', 'room']).as('roomLabel'))
      .orderBy('v.starts_on', 'desc')
      .orderBy('v.id')
      .limit(q.pageSize)
      .offset(offsetOf(q))
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  );
}
