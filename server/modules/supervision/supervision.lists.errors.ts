import { defineErrors } from '../../kernel/errors.ts';

/** The lists part's refusals (the shared ones — place, compound, period — are in supervision.errors.ts). */
export const ListsErrors = defineErrors({
  NOT_A_STREET: [400, '请选择一个街道', 'Choose a street'],
  RULES_INVALID: [
    400,
    '红榜的最低等级须高于黑榜的最高等级，措施清单至少一项且种类不重复',
    'The red list’s lowest grade must be above the black list’s highest, and the measures must list at least one kind, each once',
  ],
  PERIOD_NOT_STARTED: [400, '该季度尚未开始，不能公布', 'That quarter has not started yet and cannot be published'],
  ALREADY_PUBLISHED: [409, '该街道该季度的红黑榜已公布，不能重复公布', 'The list of that street and quarter is already published'],
  ENTRY_NOT_FOUND: [404, '榜单条目不存在或不在您的管辖范围内', 'List entry not found or outside your scope'],
  APPEAL_NOT_FOUND: [404, '申诉不存在或不在您的管辖范围内', 'Appeal not found or outside your scope'],
  MEASURE_NOT_FOUND: [404, '措施不存在或不在您的管辖范围内', 'Measure not found or outside your scope'],
  FILE_NOT_FOUND: [404, '文件不存在', 'File not found'],
  NOT_BLACK: [409, '只有黑榜条目可以申诉或采取措施', 'Only a black-list entry may be appealed or given measures'],
  ENTRY_REMOVED: [409, '该条目已因申诉成立移出黑榜', 'That entry was removed from the black list after an upheld appeal'],
  APPEAL_WINDOW_CLOSED: [409, '申诉期已于 {until} 截止', 'The appeal window closed on {until}'],
  ALREADY_APPEALED: [409, '该条目已提出过申诉，每个条目只能申诉一次', 'That entry has already been appealed; one appeal per entry'],
  APPEAL_DECIDED: [409, '该申诉已有决定', 'That appeal has already been decided'],
  APPEAL_PENDING: [409, '申诉尚在处理中，决定之前不能采取措施', 'An appeal is pending; no measure until it is decided'],
  MEASURE_NOT_LISTED: [409, '街道规则未列明“{kind}”措施，不能采取（惩戒须有规则依据）', 'The street’s rules do not list the measure “{kind}”; a measure needs a rule that provides it'],
  MEASURE_FIELDS: [400, '{kind}须填写：{fields}', 'A {kind} needs: {fields}'],
  NOT_A_PLAN: [409, '只有限期整改方案措施可以上传方案', 'Only a rectification-plan measure takes an uploaded plan'],
  PLAN_SUBMITTED: [409, '整改方案已提交', 'The plan has already been submitted'],
  FILES_REQUIRED: [400, '请至少上传一个文件', 'Upload at least one file'],
  FILE_TOO_LARGE: [400, '文件“{name}”超过 {mb} MB', 'The file “{name}” is larger than {mb} MB'],
  TOO_MANY_FILES: [400, '最多上传 {max} 个文件', 'Upload at most {max} files'],
  FILE_TYPE_NOT_ALLOWED: [400, '文件“{name}”不是图片或 PDF', 'The file “{name}” is not an image or a PDF'],
});
