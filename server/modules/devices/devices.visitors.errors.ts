import { defineErrors } from '../../kernel/errors.ts';

/** The visitors part's errors (residents' vehicles and cards, visitor passes). */
export const VisitorsErrors = defineErrors({
  ROOM_NOT_YOURS: [404, '房屋不存在或不是您的住所', 'Room not found or not your home'],
  NOT_OWNER_OR_TENANT: [403, '只有该房屋的业主或租户可以登记车辆', 'Only the owner or the tenant of the room may register a vehicle'],
  PLATE_TAKEN: [409, '该车牌已在本小区登记（待审核或已通过）', 'That plate is registered at this compound already (pending or approved)'],
  VEHICLE_NOT_FOUND: [404, '车辆登记不存在或不在您的范围内', 'Vehicle not found or outside your scope'],
  VEHICLE_REVIEWED: [409, '该车辆登记已审核', 'That vehicle has been reviewed already'],
  VEHICLE_REMOVED: [409, '该车辆登记已删除', 'That vehicle has been removed already'],
  REJECT_NOTE_REQUIRED: [400, '驳回时请填写原因', 'Give the reason for a rejection'],
  ROOM_NOT_IN_COMPOUND: [400, '请选择本小区的房屋', 'Choose a room of the compound'],
  CARD_TAKEN: [409, '该卡号已在本小区使用', 'That card number is in use at this compound'],
  CARD_NOT_FOUND: [404, '门禁卡不存在或不在您的范围内', 'Card not found or outside your scope'],
  CARD_REVOKED: [409, '该门禁卡已注销', 'That card has been revoked already'],
  PASS_NOT_FOUND: [404, '通行证不存在', 'Pass not found'],
  PASS_CANCELLED: [409, '该通行证已取消', 'That pass has been cancelled already'],
  PASS_ENDED: [409, '该通行证已过期', 'That pass has expired'],
  PASS_WINDOW: [400, '通行时间无效：结束须晚于开始，最长 {days} 天，开始时间不能早于现在', 'The window is invalid: it ends after it starts, lasts at most {days} days and does not start in the past'],
  PHONE_INVALID: [400, '请填写正确的手机号', 'Enter a valid mobile number'],
});
