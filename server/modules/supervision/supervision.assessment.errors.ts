import { defineErrors } from '../../kernel/errors.ts';

/** The assessment part's refusals (the shared ones — place, compound, period — are in supervision.errors.ts). */
export const AssessmentErrors = defineErrors({
  WEIGHTS_INVALID: [400, '各项权重须为 0–100 的整数，合计恰好 100', 'Each weight must be a whole number 0–100 and together they must add up to exactly 100'],
  BANDS_INVALID: [
    400,
    '颜色区间须从 0 到 100 首尾相接、不重叠不留空，每种颜色只用一次',
    'The colour bands must cover 0 to 100 end to end, with no gap or overlap, each colour used once',
  ],
  PERIOD_NOT_STARTED: [400, '该考评周期尚未开始', 'That period has not started yet'],
  PERIOD_PUBLISHED: [409, '该周期的考评结果已公布，不能再更改', "That period's results are published and can no longer change"],
  PERIOD_PENDING: [409, '该周期的公布正在等待审批，审批完成前不能更改', "That period's publication waits for approval; nothing changes until it is decided"],
  PERIOD_NOT_COMPUTED: [409, '该周期尚未计算考评结果，请先计算', 'That period has not been computed yet; compute it first'],
  NOT_A_STREET: [400, '请选择一个街道', 'Choose a street'],
  NO_COMPANY: [400, '该小区没有物业服务企业，不参加考评', 'That compound has no property company and is not assessed'],
  ASSESSMENT_NOT_FOUND: [404, '没有该小区该周期的考评结果', 'No assessment of that compound for that period'],
});
