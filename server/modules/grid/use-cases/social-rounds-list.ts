import { sql } from 'kysely';
import { isSystem } from '../../../kernel/access/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { containing } from '../../../kernel/db/like.ts';
import { type Page, offsetOf, paginate, sortable } from '../../../kernel/pagination.ts';
import { type Executor, read } from '../grid.db.ts';
import { allows, placeFilter } from '../grid.policy.ts';
import type { RoundStatus } from '../grid.social.contract.ts';
import type { RoundsQuery } from '../grid.social.schemas.ts';

/** No account: the system actor sits on no panel. */
const NOBODY = '00000000-0000-0000-0000-000000000000';

/** Rounds sort by year, title, pool or when they were opened. */
export const RoundsSort = sortable({ year: 'r.year', title: 'r.title', poolFen: 'r.pool_fen', createdAt: 'r.created_at' }, { sort: 'year', order: 'desc' }, 'r.id');

export interface RoundListRow {
  id: string;
  placeId: string;
  placeName: string;
  title: string;
  year: number;
  poolFen: number;
  capFen: number;
  opensOn: string;
  closesOn: string;
  status: RoundStatus;
  applications: number;
  grantedFen: number;
  /** On the round's panel. */
  reviewer: boolean;
  manages: boolean;
}

/** Rounds under the actor's socialRead grants, or whose panel the actor sits on. */
function filtered(db: Executor, ctx: Ctx, q: Partial<RoundsQuery>) {
  const me = isSystem(ctx.actor) ? null : ctx.actor.accountId;
  return db
    .selectFrom('grid_venture_rounds as r')
    .innerJoin('street_places as p', (j) => j.onRef('p.street_id', '=', 'r.street_id').onRef('p.id', '=', 'r.place_id'))
    .where((eb) =>
      eb.or([
        placeFilter(ctx.actor, 'socialRead', 'r.place_id', 'p.path'),
        eb.exists(
          eb
            .selectFrom('grid_venture_reviewers as v')
            .select('v.round_id')
            .whereRef('v.street_id', '=', 'r.street_id')
            .whereRef('v.round_id', '=', 'r.id')
            .where('v.account_id', '=', me ?? NOBODY),
        ),
      ]),
    )
    .$if(q.todo === 'score', (s) =>
      s.where(
        sql<boolean>`r.status = 'review' and exists (select 1 from grid_venture_applications a join grid_venture_reviewers v on v.street_id = a.street_id and v.round_id = a.round_id
          where a.street_id = r.street_id and a.round_id = r.id and v.account_id = ${me ?? NOBODY} and v.affiliation_org_id is distinct from a.org_id
          and not exists (select 1 from grid_venture_scores x where x.street_id = a.street_id and x.application_id = a.id and x.account_id = ${me ?? NOBODY}))`,
      ),
    )
    .$if(q.todo === 'approve', (s) =>
      s
        .where(placeFilter(ctx.actor, 'ventureApprove', 'r.place_id', 'p.path'))
        .where(sql<boolean>`exists (select 1 from grid_venture_fundings f where f.street_id = r.street_id and f.round_id = r.id and f.status = 'proposed' and f.proposed_by <> ${me ?? NOBODY})`),
    )
    .$if(q.todo === 'reports', (s) =>
      s
        .where(placeFilter(ctx.actor, 'socialManage', 'r.place_id', 'p.path'))
        .where(sql<boolean>`exists (select 1 from grid_venture_reports x join grid_venture_applications a on a.street_id = x.street_id and a.id = x.application_id where a.street_id = r.street_id and a.round_id = r.id and x.status = 'submitted')`),
    )
    .$if(!!q.status, (s) => s.where('r.status', '=', q.status!))
    .$if(!!q.year, (s) => s.where('r.year', '=', q.year!))
    .$if(!!q.q, (s) => s.where('r.title', 'ilike', containing(q.q!)));
}

/** The rounds the actor may read: searched by title, filtered by status and year, sorted, paged. */
export async function listRounds(ctx: Ctx, q: RoundsQuery): Promise<Page<RoundListRow>> {
  const db = read(ctx);
  const me = isSystem(ctx.actor) ? null : ctx.actor.accountId;
  const count = filtered(db, ctx, q)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = RoundsSort.orderBy(
    filtered(db, ctx, q).select([
      'r.id',
      'r.place_id as placeId',
      'p.name as placeName',
      'p.path as placePath',
      'r.title',
      'r.year',
      'r.pool_fen as poolFen',
      'r.cap_fen as capFen',
      'r.opens_on as opensOn',
      'r.closes_on as closesOn',
      'r.status',
      sql<number>`(select count(*)::int from grid_venture_applications a where a.street_id = r.street_id and a.round_id = r.id)`.as('applications'),
      sql<number>`(select coalesce(sum(a.grant_fen), 0)::int from grid_venture_applications a where a.street_id = r.street_id and a.round_id = r.id)`.as('grantedFen'),
      sql<boolean>`exists (select 1 from grid_venture_reviewers v where v.street_id = r.street_id and v.round_id = r.id and v.account_id = ${me ?? NOBODY})`.as('reviewer'),
    ]),
    q,
  )
    .limit(q.pageSize)
    .offset(offsetOf(q))
    .execute()
    .then((rs) => rs.map(({ placePath, ...r }) => ({ ...r, applications: Number(r.applications), grantedFen: Number(r.grantedFen), manages: allows(ctx.actor, 'socialManage', placePath) })));
  return paginate(q, rows, count);
}
