import { defineErrors } from '../../kernel/errors.ts';

/** The credit part's refusals (the shared ones — place, compound, period — are in supervision.errors.ts). */
export const CreditErrors = defineErrors({
  NOT_A_STREET: [400, '请选择一个街道', 'Choose a street'],
  COMPANY_NOT_FOUND: [404, '物业服务企业不存在或不在您的管辖范围内', 'Property company not found or outside your scope'],
  RECORD_NOT_FOUND: [404, '信用记录不存在或不在您的管辖范围内', 'Credit record not found or outside your scope'],
  REPAIR_NOT_FOUND: [404, '信用修复申请不存在或不在您的管辖范围内', 'Credit repair application not found or outside your scope'],
  FILE_NOT_FOUND: [404, '文件不存在', 'File not found'],
  BANDS_INVALID: [
    400,
    '信用等级区间须从 0 到“基础分 + 加分上限”首尾相接、不重叠不留空，AAA 到 C 每级用一次且等级越高分数越高',
    'The grade bands must cover 0 to base + cap end to end with no gap or overlap, each grade AAA to C once, better grades higher',
  ],
  POINTS_INVALID: [
    400,
    '“{kind}”的分值不符合规则：加分项须为正数、扣分项须为负数，奖励须给出 最低 ≤ 最高 的正数范围',
    'The points of “{kind}” break the rules: good kinds positive, bad kinds negative, an award a positive range min ≤ max',
  ],
  AWARD_POINTS_REQUIRED: [400, '表彰奖励须在 {min}–{max} 分之间选择分值', 'Choose the award’s points between {min} and {max}'],
  POINTS_NOT_ALLOWED: [400, '该类记录的分值由规则确定，不能另填', 'The points of that kind are set by the rules and cannot be entered'],
  NOT_REPAIRABLE: [409, '只有正在计分、尚未修复的扣分记录可以申请信用修复', 'Only a bad record that still counts and is not repaired may be applied for'],
  REPAIR_PENDING: [409, '该记录已有一份待审核的修复申请', 'That record already has a repair application waiting for review'],
  REPAIR_DECIDED: [409, '该申请已审核，不能再更改', 'That application has been decided already'],
  TOO_MANY_FILES: [400, '最多上传 {max} 个证明材料', 'At most {max} evidence files'],
  FILE_TOO_LARGE: [413, '文件“{name}”超过 {mb} MB', 'The file “{name}” is larger than {mb} MB'],
  FILE_TYPE_NOT_ALLOWED: [400, '文件“{name}”须为照片（JPEG/PNG/WebP）或 PDF', 'The file “{name}” must be a photo (JPEG/PNG/WebP) or a PDF'],
});
