import { findPlace } from '../../../kernel/access/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { read } from '../supervision.db.ts';
import { SupervisionErrors } from '../supervision.errors.ts';
import { ListsErrors } from '../supervision.lists.errors.ts';
import type { StreetPeriodQuery } from '../supervision.lists.schemas.ts';
import { quarter } from './assessment-period.ts';
import { readsStreet } from './list-access.ts';
import { allows } from '../supervision.policy.ts';

/**
 * A street's publication of a quarter (null before it is published), with the red and black counts, and whether
 * the actor may publish it: for the list page's header. The list is public once published, so any credit reader at
 * or inside the street sees it.
 */
export async function getListPublication(ctx: Ctx, q: StreetPeriodQuery) {
  quarter(q.period);
  const db = read(ctx);
  const street = await findPlace(db, q.streetId);
  if (!street || !readsStreet(ctx.actor, street.path)) throw SupervisionErrors.PLACE_NOT_FOUND();
  if (street.kind !== 'street') throw ListsErrors.NOT_A_STREET();
  const p = await db
    .selectFrom('sup_list_publications as p')
    .select(['p.id', 'p.period', 'p.as_of as asOf', 'p.published_at as publishedAt', 'p.published_by_name as publishedByName', 'p.rules', 'p.rules_version as rulesVersion'])
    .select((eb) => [
      eb.selectFrom('sup_list_entries as e').select(eb.fn.countAll<number>().as('n')).whereRef('e.street_id', '=', 'p.street_id').whereRef('e.publication_id', '=', 'p.id').where('e.list', '=', 'red').as('red'),
      eb
        .selectFrom('sup_list_entries as e')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('e.street_id', '=', 'p.street_id')
        .whereRef('e.publication_id', '=', 'p.id')
        .where('e.list', '=', 'black')
        .where('e.removed_at', 'is', null)
        .as('black'),
    ])
    .where('p.street_id', '=', street.id)
    .where('p.period', '=', q.period)
    .executeTakeFirst();
  return {
    streetId: street.id,
    streetName: street.name,
    period: q.period,
    canPublish: allows(ctx.actor, 'creditManage', street.path),
    canDecide: allows(ctx.actor, 'creditDecide', street.path),
    publication: p ? { ...p, red: Number(p.red ?? 0), black: Number(p.black ?? 0) } : null,
  };
}
