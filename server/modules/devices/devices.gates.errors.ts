import { defineErrors } from '../../kernel/errors.ts';

/** The gates part's errors (the device registry, movement records, retention). */
export const GatesErrors = defineErrors({
  DEVICE_NOT_FOUND: [404, '设备不存在或不在您的管辖范围内', 'Device not found or outside your scope'],
  DEVICE_ALREADY_DISABLED: [409, '设备已处于停用状态', 'The device is disabled already'],
  DEVICE_ALREADY_ACTIVE: [409, '设备已处于启用状态', 'The device is active already'],
  NOT_A_STREET: [400, '请选择一个街道', 'Choose a street'],
  DATE_RANGE: [400, '开始日期不能晚于结束日期', 'The start date is after the end date'],
});
