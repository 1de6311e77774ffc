import { defineErrors } from '../../kernel/errors.ts';

export const NoticeErrors = defineErrors({
  NOTICE_NOT_FOUND: [404, '公告不存在或您无权查看', 'Notice not found or not visible to you'],
  PLACE_NOT_FOUND: [404, '地点不存在或不在您的管辖范围内', 'Place not found or outside your scope'],
  PLACE_KIND_NOT_ALLOWED: [400, '公告不能发布到单个房屋，请选择楼栋、小区或更大的范围', 'A notice cannot target a single room: choose a building, compound or wider place'],
  PROPERTY_PLACE_ONLY_COMPOUND: [403, '物业服务企业只能向所服务的小区发布公告', 'A property company publishes only to the compounds it serves'],
  VALIDITY_ORDER: [400, '有效期结束日不能早于开始日', 'The end of validity cannot be before its start'],
  WITHDRAWN: [409, '公告已撤回，不能再修改', 'This notice has been withdrawn and can no longer change'],
  ALREADY_PUBLISHED: [409, '公告已发布', 'This notice is already published'],
  NOT_PUBLISHED: [409, '公告尚未发布', 'This notice is not published'],
  PLACE_FIXED: [409, '公告发布后不能更改发布范围，请撤回后重新发布', 'A published notice keeps its place: withdraw it and publish a new one'],
  NOT_FOR_ME: [403, '该公告不是发给您的', 'This notice is not addressed to you'],
  TOO_MANY_ATTACHMENTS: [409, '每条公告最多 {max} 个附件', 'A notice may have at most {max} attachments'],
  ATTACHMENT_NOT_FOUND: [404, '附件不存在', 'Attachment not found'],
});
