import { defineErrors } from '../../kernel/errors.ts';

/** Errors every part of the grid module answers; a part's own are in grid.<part>.errors.ts. */
export const GridErrors = defineErrors({
  PLACE_NOT_FOUND: [404, '地点不存在或不在您的管辖范围内', 'Place not found or outside your scope'],
  FILE_NOT_FOUND: [404, '文件不存在或不在您的范围内', 'File not found or outside your scope'],
  FILE_TOO_LARGE: [413, '文件“{name}”超过 {limit} MB', 'File "{name}" is larger than {limit} MB'],
  TOO_MANY_FILES: [400, '最多上传 {max} 个文件', 'At most {max} files'],
  FILE_TYPE_NOT_ALLOWED: [415, '“{name}”不是 JPEG、PNG、WebP 图片或 PDF 文件', '"{name}" is not a JPEG, PNG or WebP image or a PDF'],
  PHOTO_TYPE_NOT_ALLOWED: [415, '“{name}”不是 JPEG、PNG 或 WebP 图片', '"{name}" is not a JPEG, PNG or WebP image'],
  FILE_REQUIRED: [400, '请至少上传一个文件', 'Upload at least one file'],
});
