import { defineErrors } from '../../kernel/errors.ts';

export const RepairErrors = defineErrors({
  ORDER_NOT_FOUND: [404, '报修工单不存在或不在您的范围内', 'Repair order not found or outside your scope'],
  PHOTO_NOT_FOUND: [404, '照片不存在或不在您的范围内', 'Photo not found or outside your scope'],
  ESCALATION_NOT_FOUND: [404, '督办事项不存在或不在您的范围内', 'Escalation not found or outside your scope'],
  PLACE_NOT_FOUND: [404, '报修地点不存在或不在您的范围内', 'The place is not found or outside your scope'],
  COMPOUND_NOT_FOUND: [404, '小区不存在或不在您的范围内', 'Compound not found or outside your scope'],
  PLACE_KIND_NOT_ALLOWED: [400, '报修地点须为房屋、单元、楼栋或小区', 'A repair is about a room, unit, building or compound'],
  NO_PROPERTY_COMPANY: [409, '该小区暂无物业服务企业，请联系社区居委会', 'This compound has no property company; please contact the residents\' committee'],
  RESIDENT_NOT_OF_PLACE: [400, '所选居民不是该房屋或小区的住户', 'The chosen resident does not live in this room or compound'],
  NOT_A_RESIDENT: [403, '您的账号尚未关联房屋，请联系社区或物业核实登记信息', 'Your account is not linked to a room yet'],
  TRANSITION_NOT_ALLOWED: [409, '工单当前状态为“{statusZh}”，不能{actionZh}', 'The order is {status}; it cannot be {action} now'],
  NOT_ASSIGNEE: [403, '只有被派单的人员或物业项目经理可以处理此工单', 'Only the assigned staff member or the property manager may work on this order'],
  NOT_YOUR_ORDER: [403, '只有报修的居民本人可以评价或撤回此工单', 'Only the resident who reported this order may rate or withdraw it'],
  ASSIGNEE_INVALID: [400, '所选人员不是本小区物业服务企业的工作人员', 'The chosen person is not property staff of this compound'],
  PHOTO_TOO_LARGE: [413, '照片“{name}”超过 {limit} MB', 'Photo "{name}" is larger than {limit} MB'],
  TOO_MANY_PHOTOS: [400, '最多上传 {max} 张照片', 'At most {max} photos'],
  PHOTO_TYPE_NOT_ALLOWED: [415, '“{name}”不是 JPEG、PNG 或 WebP 图片', '"{name}" is not a JPEG, PNG or WebP image'],
  PHONE_INVALID: [400, '联系电话格式不正确', 'The contact phone number is not valid'],
  PRICE_INVALID: [400, '有偿服务须填写大于 0 的金额（单位：分）', 'A paid service needs a price above 0 (in fen)'],
  LIMITS_INVALID: [400, '办结时限不能短于响应时限（{category}）', 'The completion limit cannot be shorter than the response limit ({category})'],
});
