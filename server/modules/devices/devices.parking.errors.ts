import { defineErrors } from '../../kernel/errors.ts';

/** The parking part's errors (spaces, the tariff, temporary parking, alert rules and alerts). */
export const ParkingErrors = defineErrors({
  SPACE_NOT_FOUND: [404, '车位不存在或不在您的管辖范围内', 'Space not found or outside your scope'],
  SPACE_EXISTS: [409, '本小区已有编号为 {no} 的车位', 'The compound has a space numbered {no} already'],
  SPACE_OCCUPIED: [409, '车位当前有车，不能删除', 'The space is taken: it cannot be removed'],
  SPACE_RANGE_INVALID: [400, '批量编号须形如 B1-001 至 B1-050（同一前缀，末尾为数字，且不超过 {max} 个）', 'A batch runs like B1-001 to B1-050 (one prefix, numbers at the end, at most {max})'],
  ROOM_NOT_IN_COMPOUND: [400, '所选房屋不在该小区', 'The room is not in this compound'],
  SENSOR_NOT_IN_COMPOUND: [400, '所选车位检测器不是本小区的车位检测器', 'The sensor is not a parking sensor of this compound'],
  SESSION_NOT_FOUND: [404, '停车记录不存在或不在您的管辖范围内', 'Parking session not found or outside your scope'],
  SESSION_NOT_DUE: [409, '只有已离场且待缴的停车费可以登记缴费或减免', 'Only a due fee of a vehicle that has left can be marked paid or waived'],
  RULE_NOT_FOUND: [404, '告警规则不存在或不在您的管辖范围内', 'Alert rule not found or outside your scope'],
  RULE_PLACE_KIND: [400, '告警规则只能设在街道、社区或小区', 'Alert rules are set at a street, a community or a compound'],
  RULE_EXISTS: [409, '该地点已有同类告警规则，请修改原规则', 'This place has a rule of this kind already: edit it'],
  ALERT_NOT_FOUND: [404, '告警不存在或不在您的管辖范围内', 'Alert not found or outside your scope'],
  ALERT_HANDLED: [409, '该告警已处置', 'The alert has been handled already'],
});
