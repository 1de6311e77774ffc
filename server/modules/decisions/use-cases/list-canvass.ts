import { sql } from 'kysely';
import type { Ctx } from '../../../kernel/context.ts';
import { containing } from '../../../kernel/db/like.ts';
import { offsetOf, paginate } from '../../../kernel/pagination.ts';
import { personPhonesMasked } from '../../registry/index.ts';
import { read } from '../decisions.db.ts';
import { BUILDING_OF_PART, ROOMS_OF_ENTRY } from '../decisions.repository.ts';
import type { CanvassQuery } from '../decisions.schemas.ts';
import { decisionFor } from './decision-access.ts';

const BUILDING = BUILDING_OF_PART;

/**
 * 扫楼: the owners on the roll who have not voted yet (the roll minus the voters), by building and unit, each with
 * their rooms, masked names and the last visit's outcome — and the progress of each building against the roll, in
 * heads and area, so volunteers go where the ⅔ is furthest. While the roll is out or voting is open.
 */
export async function listCanvass(ctx: Ctx, id: string, q: CanvassQuery) {
  const db = read(ctx);
  const d = await decisionFor(db, ctx.actor, id, 'organise', { status: ['roll_published', 'open'] });
  const base = db
    .selectFrom('dec_roll_entries as e')
    .where('e.street_id', '=', d.street_id)
    .where('e.decision_id', '=', d.id)
    .where('e.merged_into', 'is', null)
    .where('e.kind', '=', 'owners')
    .where((eb) =>
      eb.not(
        eb.exists(
          eb.selectFrom('dec_ballots as b').whereRef('b.street_id', '=', 'e.street_id').whereRef('b.entry_id', '=', 'e.id').where('b.status', '=', 'counted').select('b.id'),
        ),
      ),
    )
    .$if(!!q.building || !!q.q, (qb) =>
      qb.where((eb) =>
        eb.exists(
          eb
            .selectFrom('dec_roll_parts as rp')
            .whereRef('rp.street_id', '=', 'e.street_id')
            .whereRef('rp.entry_id', '=', 'e.id')
            .$if(!!q.building, (w) => w.where(BUILDING, '=', q.building!))
            .$if(!!q.q, (w) => w.where((x) => x.or([x('rp.room_label', 'ilike', containing(q.q!)), x('e.label', 'ilike', containing(q.q!))])))
            .select('rp.room_id'),
        ),
      ),
    );
  const page = await paginate(
    q,
    base
      .select(['e.id', 'e.no', 'e.label', 'e.area_centi as areaCenti', 'e.representative_id'])
      .select((eb) => [
        ROOMS_OF_ENTRY.as('rooms'),
        eb
          .selectFrom('dec_visits as v')
          .whereRef('v.street_id', '=', 'e.street_id')
          .whereRef('v.entry_id', '=', 'e.id')
          .select(sql<{ outcome: string; at: string } | null>`json_build_object('outcome', v.outcome, 'at', v.visited_at, 'note', v.note)`.as('visit'))
          .orderBy('v.visited_at', 'desc')
          .limit(1)
          .as('lastVisit'),
      ])
      .orderBy('e.no')
      .limit(q.pageSize)
      .offset(offsetOf(q))
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  );
  // A head with parts in two buildings counts in both: each building's own progress toward its owners.
  const buildings = await db
    .selectFrom('dec_roll_parts as rp')
    .innerJoin('dec_roll_entries as e', (j) => j.onRef('e.street_id', '=', 'rp.street_id').onRef('e.id', '=', 'rp.entry_id'))
    .leftJoin('dec_ballots as b', (j) => j.onRef('b.street_id', '=', 'e.street_id').onRef('b.entry_id', '=', 'e.id').on('b.status', '=', 'counted'))
    .select([
      BUILDING.as('building'),
      sql<number>`count(distinct e.id)::int`.as('heads'),
      sql<number>`count(distinct e.id) filter (where b.id is not null)::int`.as('votedHeads'),
      sql<number>`coalesce(sum(rp.area_centi), 0)::bigint`.as('areaCenti'),
      sql<number>`coalesce(sum(rp.area_centi) filter (where b.id is not null), 0)::bigint`.as('votedAreaCenti'),
    ])
    .where('rp.street_id', '=', d.street_id)
    .where('rp.decision_id', '=', d.id)
    .where('e.merged_into', 'is', null)
    .groupBy(BUILDING)
    .orderBy(BUILDING)
    .execute();
  // The representative's phone, masked: whom the canvasser calls (the full number only through a revealed, audited tap).
  const phones = await personPhonesMasked(db, page.items.flatMap((r) => (r.representative_id ? [r.representative_id] : [])));
  const items = page.items.map(({ representative_id, ...r }) => ({ ...r, phoneMasked: (representative_id && phones.get(representative_id)) || null }));
  return { ...page, items, buildings };
}
