import { defineErrors } from '../../kernel/errors.ts';

/** Errors every part of the volunteers module answers; a part's own are in volunteers.<part>.errors.ts. */
export const VolunteersErrors = defineErrors({
  PLACE_NOT_FOUND: [404, '地点不存在或不在您的管辖范围内', 'Place not found or outside your scope'],
  NOT_A_RESIDENT: [403, '您不是该小区的住户', 'You do not live in this compound'],
  NOT_A_VOLUNTEER: [403, '请先注册志愿者并通过社区审核', 'Register as a volunteer and wait for the community to approve you first'],
  POINTS_INSUFFICIENT: [409, '积分不足：现有 {balance} 分，需要 {needed} 分', 'Not enough points: {balance} held, {needed} needed'],
  ALREADY_CREDITED: [409, '该记录已计入积分和时长', 'This has already been credited'],
  BANNED_WORD: [400, '内容包含不允许发布的词语「{word}」，请修改后再发布', 'The text contains a word that may not be posted ("{word}"); please change it'],
  PHOTO_NOT_FOUND: [404, '照片不存在或不在您的范围内', 'Photo not found or outside your scope'],
  PHOTO_TOO_LARGE: [413, '照片“{name}”超过 {limit} MB', 'Photo "{name}" is larger than {limit} MB'],
  TOO_MANY_PHOTOS: [400, '最多上传 {max} 张照片', 'At most {max} photos'],
  PHOTO_TYPE_NOT_ALLOWED: [415, '“{name}”不是 JPEG、PNG 或 WebP 图片', '"{name}" is not a JPEG, PNG or WebP image'],
  PHOTO_REQUIRED: [400, '请至少上传一张照片', 'Upload at least one photo'],
});
