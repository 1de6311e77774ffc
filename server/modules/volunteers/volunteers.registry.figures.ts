import { type FigureDefinition, dayBefore } from '../../kernel/figures/figures.ts';
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
];
