import type { Ctx } from '../../../kernel/context.ts';
import { roomsOfActor } from '../../registry/index.ts';
import { read } from '../supervision.db.ts';
import type { StarType } from '../supervision.stars.constants.ts';
import { currentStars } from './list-compound-stars.ts';

export interface MyCompoundStars {
  compoundId: string;
  compoundName: string;
  stars: number;
  type: StarType;
  period: string;
}

/** The resident's home: the star in force (confirmed by the street) at each compound they live in — no score. */
export async function myCompoundStars(ctx: Ctx): Promise<MyCompoundStars[]> {
  if (!ctx.actor.personId) return [];
  const rooms = await roomsOfActor(read(ctx), ctx);
  const compounds = [...new Map(rooms.map((r) => [r.compoundId, r])).values()];
  if (!compounds.length) return [];
  const rows = await read(ctx)
    .selectFrom(currentStars(read(ctx)).as('s'))
    .select(['s.compound_id', 's.stars', 's.type', 's.period'])
    .where('s.compound_id', 'in', compounds.map((c) => c.compoundId))
    .where('s.street_id', 'in', [...new Set(compounds.map((c) => c.streetId))])
    .execute();
  return compounds.flatMap((c) => {
    const r = rows.find((x) => x.compound_id === c.compoundId);
    return r ? [{ compoundId: c.compoundId, compoundName: c.compoundName, stars: r.stars, type: r.type, period: r.period }] : [];
  });
}
