import { fundPublicPage } from './fees.fund.public.ts';
import { fundRoutes } from './fees.fund.routes.ts';
import { seedFund } from './fees.fund.seed.ts';
import type { FeesPart } from './fees.part.ts';
import { fundStaffHome } from './use-cases/fund-staff-home.ts';

/**
 * The fund part of the fees module (see fees.part.ts): the maintenance fund 专项维修资金 — the housing
 * authority's statements mirrored per compound and room, every use tied to the owners' decision or the emergency
 * record that allowed it, and the quarterly publication to the owners (Civil Code art. 281) with a public page.
 */
export const fundPart: FeesPart = {
  routes: fundRoutes,
  publicPages: [fundPublicPage],
  templates: [
    {
      key: 'fees.fund_published',
      label: { zh: '维修资金公示', en: 'Maintenance fund publications' },
      title: { zh: '{compound}维修资金{quarter}公示', en: '{compound} maintenance fund, {quarter}' },
      body: {
        zh: '{compound}专项维修资金 {quarter} 收支已公示：本季使用 {used} 元，期末余额 {closing} 元。每笔使用的业主共同决定或应急处置依据可在“维修资金”中查看。',
        en: "{compound}'s maintenance fund for {quarter} is published: {used} yuan used this quarter, {closing} yuan at its close. Each use's decision or emergency record is under \"Maintenance fund\".",
      },
      link: '/h5/fees/fund/{publicationId}',
    },
  ],
  staffHome: fundStaffHome,
  seed: seedFund,
};
