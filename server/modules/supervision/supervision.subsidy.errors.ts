import { defineErrors } from '../../kernel/errors.ts';

/** The subsidy part's refusals (the shared ones — place, compound, period — are in supervision.errors.ts). */
export const SubsidyErrors = defineErrors({
  NOT_A_STREET: [400, '请选择一个街道', 'Choose a street'],
  PERIODS_INVALID: [400, '截止季度不能早于起始季度', 'The last quarter cannot come before the first'],
  LISTING_NOT_FOUND: [404, '该小区不在达标补贴名单中', 'That compound is not on the subsidy list'],
  POLICY_NOT_FOUND: [404, '没有该季度起施行的补贴政策', 'No policy version applies from that quarter'],
});
