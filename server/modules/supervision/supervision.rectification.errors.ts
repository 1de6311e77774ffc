import { defineErrors } from '../../kernel/errors.ts';

/** The rectification part's errors (整改通知单). */
export const RectificationErrors = defineErrors({
  NOTICE_NOT_FOUND: [404, '整改通知单不存在或不在您的管辖范围内', 'Rectification notice not found or outside your scope'],
  PLACE_NOT_IN_COMPOUND: [400, '请选择小区或小区内的位置', 'Choose a compound or a place inside one'],
  NO_COMPANY: [409, '该小区没有登记物业服务企业，无法下发整改通知单', 'The compound has no property company on record: no notice can be issued to it'],
  DEADLINE_PAST: [400, '整改期限不能早于今天（{today}）', 'The deadline cannot be before today ({today})'],
  DEADLINE_INVALID: [400, '整改期限须为有效日期，如 2026-12-31', 'The deadline must be a valid day, e.g. 2026-12-31'],
  NOT_WAITING_FOR_COMPANY: [409, '该通知单当前不在待整改状态（{status}）', 'The notice is not waiting for the company ({status})'],
  NOT_WAITING_FOR_ISSUER: [409, '该通知单当前不在待核验状态（{status}）', 'The notice is not waiting for verification ({status})'],
  LEVEL_TOO_LOW: [403, '该通知单由{level}下发，须由{level}或上级核验', 'The notice was issued at {levelEn} level: it is verified at that level or above'],
  EVIDENCE_REQUIRED: [400, '请至少上传一张整改照片或一份材料', 'Attach at least one photo or document of the fix'],
  FILE_TYPE_NOT_ALLOWED: [400, '文件「{name}」不是 JPEG、PNG、WebP 图片或 PDF', 'The file "{name}" is not a JPEG, PNG, WebP image or a PDF'],
  FILE_TOO_LARGE: [413, '文件「{name}」超过 {mb} MB', 'The file "{name}" exceeds {mb} MB'],
  TOO_MANY_FILES: [400, '每次最多上传 {max} 个文件', 'Upload at most {max} files at a time'],
  SOURCE_NOT_FOUND: [404, '检查记录中没有该指标的结果', 'The inspection has no result for that indicator'],
  FILE_NOT_FOUND: [404, '文件不存在', 'File not found'],
});
