import type { Ctx } from '../../../kernel/context.ts';
import { containing } from '../../../kernel/db/like.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { type Page, offsetOf, paginate } from '../../../kernel/pagination.ts';
import { read } from '../volunteers.db.ts';
import { allows, placeFilter } from '../volunteers.policy.ts';
import { type RewardsQuery, RewardsSort } from '../volunteers.registry.schemas.ts';
import { seesRegistry, underPath } from './registry-access.ts';
import { rewardRows } from './rewards-access.ts';

export interface RewardRow {
  id: string;
  placeId: string;
  placeName: string;
  name: string;
  description: string;
  points: number;
  stock: number;
  active: boolean;
  createdAt: Date;
  canManage: boolean;
}

/** The rewards listed in the actor's places: search by name, filter by place and whether offered, sort, page. */
export async function listRewards(ctx: Ctx, q: RewardsQuery): Promise<Page<RewardRow>> {
  if (!seesRegistry(ctx)) throw CommonErrors.FORBIDDEN();
  const under = await underPath(read(ctx), ctx, q.placeId);
  const filtered = () =>
    rewardRows(read(ctx))
      .where((eb) => eb.or([placeFilter(ctx.actor, 'volunteersRead', 'r.place_id', 'p.path'), placeFilter(ctx.actor, 'volunteersManage', 'r.place_id', 'p.path')]))
      .$if(!!under, (s) => s.where('p.path', 'like', `${under}%`))
      .$if(q.active !== undefined, (s) => s.where('r.active', '=', q.active!))
      .$if(!!q.q, (s) => s.where('r.name', 'ilike', containing(q.q!)));
  const items = RewardsSort.orderBy(filtered(), q).limit(q.pageSize).offset(offsetOf(q)).execute();
  const count = filtered()
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const page = await paginate(q, items, count);
  return { ...page, items: page.items.map(({ placePath, streetId: _s, ...r }) => ({ ...r, canManage: allows(ctx.actor, 'volunteersManage', placePath) })) };
}
