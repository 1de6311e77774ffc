import { defineErrors } from '../../kernel/errors.ts';

/** The sheets-and-inspections part's errors (the shared ones are in supervision.errors.ts). */
export const SheetErrors = defineErrors({
  SHEET_NOT_FOUND: [404, '考评标准不存在或不在您的管辖范围内', 'Sheet not found or outside your scope'],
  NOT_A_STREET: [400, '考评标准由街道制定，请选择一个街道', 'A sheet belongs to a street: choose a street'],
  SHEET_FROZEN: [409, '该版本考评标准已启用，不可修改；请另建新版本', 'This sheet version is in use and frozen: make a new version instead'],
  SHEET_NOT_FROZEN: [409, '只能从已启用的版本复制新版本', 'Only a version in use can be copied into a new version'],
  SHEET_DRAFT_EXISTS: [409, '该类考评标准已有一个草稿版本（第 {version} 版），请先完成或删除它', 'A draft of this kind of sheet exists already (version {version}): finish or delete it first'],
  WEIGHTS_NOT_100: [409, '各部分权重合计须为 100%，当前为 {sum}%', 'The sections’ weights must add up to 100%; they add up to {sum}%'],
  SECTION_EMPTY: [409, '「{name}」部分还没有指标', 'Section “{name}” has no indicator'],
  SHEET_EMPTY: [409, '考评标准还没有任何部分', 'The sheet has no section yet'],
  DUPLICATE_CODE: [400, '指标编号「{code}」重复', 'Indicator code “{code}” is used twice'],
  DEDUCTION_POINTS_REQUIRED: [400, '扣分制指标「{code}」须填写每处扣分', 'Deduction indicator “{code}” needs the points deducted per finding'],
  DEDUCTION_POINTS_NOT_ALLOWED: [400, '只有扣分制指标才有每处扣分（「{code}」）', 'Only a deduction indicator has points per finding (“{code}”)'],
  PERIOD_NOT_STARTED: [409, '{period} 尚未开始，不能检查', '{period} has not begun: it cannot be inspected yet'],
  NO_SHEET_IN_FORCE: [409, '{period} 没有适用的考评标准，请先启用一个版本', 'No sheet applies to {period}: activate a version first'],
  INSPECTION_NOT_FOUND: [404, '检查记录不存在或不在您的管辖范围内', 'Inspection not found or outside your scope'],
  INSPECTION_SUBMITTED: [409, '检查已提交，不可修改', 'The inspection is submitted and cannot change'],
  INSPECTION_INCOMPLETE: [409, '还有 {count} 项指标未填写：{codes}', '{count} indicators are not filled in yet: {codes}'],
  INDICATOR_NOT_FOUND: [404, '该检查所用标准中没有这项指标', 'The inspection’s sheet has no such indicator'],
  POINTS_OVER_MAX: [400, '得分不能超过该项满分 {max} 分', 'The points may not exceed the indicator’s maximum of {max}'],
  ENTRY_NOT_FOR_METHOD: [400, '该项指标按「{method}」评分，请填写相应内容', 'This indicator is scored by “{method}”: enter that'],
  FILE_NOT_FOUND: [404, '文件不存在', 'File not found'],
  PHOTO_MUST_BE_IMAGE: [415, '照片只能是 JPG、PNG 或 WebP 图片', 'A photo must be a JPG, PNG or WebP image'],
  TOO_MANY_FILES: [409, '每项指标最多上传 {max} 个文件', 'At most {max} files per indicator'],
  NOT_A_FINDING: [409, '该项指标没有发现问题', 'This indicator has no finding'],
});
