import type { Module } from '../../kernel/module.ts';
import { opinionsPersonalData } from './opinions.personal-data.ts';
import { opinionsPublicPages } from './opinions.public.ts';
import { opinionRoutes } from './opinions.routes.ts';
import { seedOpinionsDemo } from './opinions.seed.ts';
import { opinionsFigures } from './opinions.figures.ts';
import { opinionsHomeSection } from './use-cases/home-section.ts';
import { opinionsStaffHome } from './use-cases/staff-home.ts';

/** Opinions and complaints (意见征集 / 投诉 / 大家来吐槽). */
export const opinionsModule: Module = {
  name: 'opinions',
  personalData: opinionsPersonalData,
  residentHome: opinionsHomeSection,
  staffHome: opinionsStaffHome,
  routes: opinionRoutes,
  notifications: {
    templates: [
      {
        key: 'opinions.answered',
        label: { zh: '我的意见有回复', en: 'Answers to my posts' },
        title: { zh: '您的意见有了回复', en: 'Your post was answered' },
        body: { zh: '「{title}」已由{answeredBy}回复，请查看并评价。', en: '"{title}" was answered by {answeredBy}: read it and rate the answer.' },
        wechat: { thing1: '{title}', thing2: '{answeredBy}' },
        link: '/h5/decide/opinions/{opinionId}',
      },
    ],
  },
  demo: { seed: seedOpinionsDemo },
  figures: opinionsFigures,
  publicPages: opinionsPublicPages,
};

export { OpinionsPolicy, ADDRESSEE_ROLES } from './opinions.policy.ts';
/**
 * The hook for the deliberation module (DOMAIN.md §3, stage 1 议题收集): officials mark opinions with
 * `markForDeliberation`; the deliberation module lists them with `listPromotedOpinions` and, when it
 * takes one up, records its own reference with `linkDeliberation` in its transaction.
 */
export {
  markForDeliberation,
  listPromotedOpinions,
  linkDeliberation,
  linkDeliberationNow,
  opinionForDeliberation,
  type PromotedOpinion,
} from './use-cases/mark-for-deliberation.ts';
export { getOpinion } from './use-cases/get-opinion.ts';
/** For the deliberation demo (its seed posts and promotes opinions as the demo's residents and officials would). */
export { postOpinion } from './use-cases/post-opinion.ts';
/**
 * The hook for a module whose record a resident questions (issue 19 §3, the fees module's open books): post an
 * opinion about the record in the caller's transaction, and read where the opinions about its records stand.
 */
export { postOpinionAbout, opinionsAbout, type OpinionAbout, type OpinionSubject } from './use-cases/post-opinion.ts';
export { addMeToo } from './use-cases/me-too.ts';
/** For the fees module's demo: the owners' committee answers an owner's question about a line of the open books. */
export { answerOpinion } from './use-cases/answer-opinion.ts';
export { DEMO_OPINIONS, type DemoOpinions } from './opinions.seed.ts';
export type { OpinionsTables } from './opinions.tables.ts';
