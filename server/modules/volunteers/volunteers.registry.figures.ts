import { sql } from 'kysely';
import { type FigureDefinition, dayBefore, rollUp } from '../../kernel/figures/figures.ts';
import { read } from './volunteers.db.ts';
import { registeredShareParts } from './use-cases/registry-share.ts';

const t = (zh: string, en: string) => ({ zh, en });

/**
 * The registered share (issue 23 §1): approved volunteers registered at or under a place ÷ persons with a household
 * in force there on the window's last day — the 15% a street aims for. Kept for the street, its communities, grids
 * and compounds.
 */
export const registryFigures: FigureDefinition[] = [
  {
    key: 'volunteers.registered_share',
    name: t('志愿者注册率', 'Registered volunteers'),
    definition: t(
      '在本地注册并通过审核的志愿者人数占本地有在住住户关系人数的比例（目标 15%）',
      'Approved volunteers registered at the place as a share of the persons with a current household there (target 15%)',
    ),
    numerator: t('已通过审核的志愿者', 'Approved volunteers'),
    denominator: t('在住人员', 'Persons with a current household'),
    unit: 'percent',
    placeKinds: ['street', 'community', 'grid', 'compound'],
    count: (db, at) => registeredShareParts(db, at.streetId, at.placeKinds, dayBefore(at.to), at.to),
  },
  {
    // Minutes, not hours: a figure's parts are whole numbers that add up over places (the page shows hours beside).
    key: 'volunteers.service_minutes',
    name: t('志愿服务时长（分钟）', 'Volunteer service (minutes)'),
    definition: t(
      '当月记入志愿者积分台账的服务时长合计（活动签到签退、任务确认），按服务所在地点统计，单位为分钟',
      'The service time entered in the volunteers’ ledger in the month (activities signed in and out, tasks confirmed), by where it was served, in minutes',
    ),
    numerator: t('服务分钟', 'Minutes served'),
    unit: 'count',
    placeKinds: ['street', 'community', 'grid', 'compound'],
    count: async (db, at) => {
      const r = await sql<{ placeId: string; numerator: number }>`
        select up.place_id as "placeId", coalesce(sum(l.minutes), 0)::int as numerator
        from vol_points_ledger l
        join street_places p on p.street_id = l.street_id and p.id = l.place_id
        ${rollUp('p.path', at)}
        where l.street_id = ${at.streetId} and l.created_at >= ${at.from} and l.created_at < ${at.to}
        group by up.place_id`.execute(read(db));
      return r.rows.map((x) => ({ placeId: x.placeId, numerator: Math.max(0, x.numerator), denominator: null }));
    },
  },
];
