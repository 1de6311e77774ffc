import type { Ctx } from '../../../kernel/context.ts';
import { containing } from '../../../kernel/db/like.ts';
import { offsetOf, paginate } from '../../../kernel/pagination.ts';
import { read } from '../registry.db.ts';
import { placeFilter } from '../registry.policy.ts';
import { CorrectionsSort, type CorrectionsQuery } from '../registry.schemas.ts';

/**
 * 信息更正: the correction requests filed at the places the official answers for, with the person's name
 * and the place. Searched by the person's name or the words of the request; filtered by status and field.
 */
export async function listCorrections(ctx: Ctx, q: CorrectionsQuery) {
  let query = read(ctx)
    .selectFrom('reg_corrections as c')
    .innerJoin('street_places as p', (j) => j.onRef('p.street_id', '=', 'c.street_id').onRef('p.id', '=', 'c.place_id'))
    .innerJoin('reg_persons as person', (j) => j.onRef('person.street_id', '=', 'c.street_id').onRef('person.id', '=', 'c.person_id'))
    .where(placeFilter(ctx.actor, 'answerCorrections', 'p.id', 'p.path'));
  if (q.status) query = query.where('c.status', '=', q.status);
  if (q.field) query = query.where('c.field', '=', q.field);
  if (q.q) {
    const text = containing(q.q);
    query = query.where((eb) => eb.or([eb('person.name', 'like', text), eb('c.request', 'like', text)]));
  }
  const rows = CorrectionsSort.orderBy(
    query.select([
      'c.id',
      'c.field',
      'c.request',
      'c.status',
      'c.answer',
      'c.created_at as createdAt',
      'c.answered_at as answeredAt',
      'c.place_id as placeId',
      'p.name as placeName',
      'person.id as personId',
      'person.name as personName',
    ]),
    q,
  )
    .limit(q.pageSize)
    .offset(offsetOf(q))
    .execute();
  return paginate(q, rows, query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow());
}
