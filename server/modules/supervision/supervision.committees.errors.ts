import { defineErrors } from '../../kernel/errors.ts';

/** The committees part's refusals (the shared ones — place, compound, period — are in supervision.errors.ts). */
export const CommitteeErrors = defineErrors({
  WEIGHTS_INVALID: [400, '五个维度的权重须为 0–100 的整数，合计恰好 100', 'Each of the five weights must be a whole number 0–100 and together they must add up to exactly 100'],
  STARS_INVALID: [
    400,
    '星级分数线须满足 0 < 二星 < 三星 < 四星 < 五星 ≤ 100',
    'The star thresholds must satisfy 0 < two stars < three < four < five ≤ 100',
  ],
  NOT_A_STREET: [400, '请选择一个街道', 'Choose a street'],
  COMMITTEE_NOT_FOUND: [404, '业委会不存在或不在您的管辖范围内', "Owners' committee not found or outside your scope"],
  RATING_NOT_FOUND: [404, '评星记录不存在或不在您的管辖范围内', 'Rating not found or outside your scope'],
  RATING_SUBMITTED: [409, '该评星已提交，不能再更改', 'That rating is submitted and can no longer change'],
  RATING_EXISTS: [409, '该业委会该年度已有提交的评星', 'That committee already has a submitted rating for that year'],
  PERIOD_INVALID: [400, '评星年度须为四位年份，如 2026', 'The rating year must be four digits, e.g. 2026'],
  PERIOD_FUTURE: [400, '不能为尚未开始的年度评星', 'A year that has not begun cannot be rated'],
  SCORE_MISSING: [400, '请为每个维度打分后再提交（缺：{dimensions}）', 'Score every dimension before submitting (missing: {dimensions})'],
  EVIDENCE_MISSING: [400, '每个维度至少上传一份佐证材料（缺：{dimensions}）', 'Upload at least one piece of evidence for every dimension (missing: {dimensions})'],
  TOO_MANY_FILES: [400, '每个维度最多上传 {max} 份材料', 'At most {max} files per dimension'],
  FILE_NOT_FOUND: [404, '材料不存在', 'File not found'],
});
