import { CommonErrors } from '../../../kernel/errors.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { type Page, nullsLast, offsetOf, paginate, sortable } from '../../../kernel/pagination.ts';
import { pathLabel } from '../../../kernel/access/index.ts';
import { read } from '../supervision.db.ts';
import { holdsAnywhere } from '../supervision.policy.ts';
import type { ApplicationStatus } from '../supervision.stars.constants.ts';
import type { ApplicationsQuery } from '../supervision.stars.schemas.ts';
import { applicationsFilter, starsScopePath } from './stars-access.ts';

/** Applications sort by when applied (newest first), compound, level, status or score. */
export const ApplicationsSort = sortable(
  { appliedAt: 'a.applied_at', compound: 'c.name', level: 'a.level', status: 'a.status', score: nullsLast('a.score_centi') },
  { sort: 'appliedAt', order: 'desc' },
  'a.id',
);

function filtered(ctx: Ctx, q: ApplicationsQuery, under: string | undefined) {
  return read(ctx)
    .selectFrom('sup_star_applications as a')
    .innerJoin('street_places as c', (j) => j.onRef('c.street_id', '=', 'a.street_id').onRef('c.id', '=', 'a.compound_id'))
    .select([
      'a.id',
      'a.compound_id as compoundId',
      'c.name as compoundName',
      pathLabel('c.path', ['community']).as('communityName'),
      'a.period',
      'a.level',
      'a.stars_before as starsBefore',
      'a.status',
      'a.applicant_name as applicantName',
      'a.applied_at as appliedAt',
      'a.assessor_name as assessorName',
      'a.score_centi as scoreCenti',
      'a.stars',
      'a.confirmed_at as confirmedAt',
    ])
    .where(applicationsFilter(ctx.actor, 'c.path'))
    .$if(!!under, (s) => s.where('c.path', 'like', `${under}%`))
    .$if(!!q.status, (s) => s.where('a.status', '=', q.status!))
    .$if(!!q.q, (s) => s.where('c.name', 'ilike', `%${q.q!.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`));
}

export interface ApplicationListItem {
  id: string;
  compoundId: string;
  compoundName: string;
  communityName: string;
  period: string;
  level: number;
  starsBefore: number;
  status: ApplicationStatus;
  applicantName: string;
  appliedAt: Date;
  assessorName: string | null;
  scoreCenti: number | null;
  stars: number | null;
  confirmedAt: Date | null;
}

/** 星级申请: officials their places', a company its compounds', an owners' committee its compound's; an assessor those assigned to them. */
export async function listStarApplications(ctx: Ctx, q: ApplicationsQuery): Promise<Page<ApplicationListItem>> {
  if (!holdsAnywhere(ctx.actor, 'starsRead')) throw CommonErrors.FORBIDDEN();
  const under = await starsScopePath(ctx, read(ctx), q.placeId);
  const items = ApplicationsSort.orderBy(filtered(ctx, q, under), q).limit(q.pageSize).offset(offsetOf(q)).execute();
  const count = filtered(ctx, q, under)
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return paginate(q, items, count) as Promise<Page<ApplicationListItem>>;
}
