import { type FigureDefinition, dayBefore } from '../../kernel/figures/figures.ts';
import { householdActivationParts, householdActivationRows } from '../registry/index.ts';

/**
 * The activation rate as the rates page shows it (use-cases/activation-rates.ts): households with an
 * activated account over households, counted by the registry's definition of both, so the two agree.
 * Households by their dates of effect on the period's last day; accounts as they stand when taken.
 */
export const activationFigures: FigureDefinition[] = [
  {
    key: 'activation.rate',
    name: { zh: '居民激活率', en: 'Activation rate' },
    definition: {
      zh: '有现住成员已激活账号（账号与登记住户匹配且未停用）的住户占住户总数的比例；住户指有现住人员登记的住宅房屋',
      en: 'Share of households with a current member whose account is activated (matched to the registry, not disabled); a household is a residential room with a current person on record',
    },
    numerator: { zh: '已激活住户', en: 'Activated households' },
    denominator: { zh: '住户总数', en: 'Households' },
    unit: 'percent',
    placeKinds: ['street', 'community', 'grid', 'compound'],
    count: (db, at) => householdActivationParts(db, at, dayBefore(at.to)),
    rows: (db, q) => householdActivationRows(db, q, dayBefore(q.to)),
  },
];
