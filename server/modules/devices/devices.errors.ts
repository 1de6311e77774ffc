import { defineErrors } from '../../kernel/errors.ts';

/** Errors every part raises. Each part adds its own in devices.<part>.errors.ts. */
export const DevicesErrors = defineErrors({
  PLACE_NOT_FOUND: [404, '地点不存在或不在您的管辖范围内', 'Place not found or outside your scope'],
  NOT_A_COMPOUND: [400, '请选择一个小区', 'Choose a compound'],
});

/** What the signed device API answers a request it refuses (nothing is written for any of them). */
export const DeviceApiErrors = defineErrors({
  DEVICE_UNSIGNED: [401, '请求未签名：缺少或格式错误的设备签名头', 'The request is not signed: device signature headers missing or malformed'],
  DEVICE_SIGNATURE_INVALID: [401, '设备签名无效', 'The device signature is invalid'],
  DEVICE_STALE: [401, '请求时间戳超出允许范围（±5 分钟），请校准设备时钟', 'The request timestamp is outside the window (±5 minutes): set the device clock'],
  DEVICE_REPLAYED: [409, '重复的请求（随机数已使用）', 'A replayed request (the nonce was used before)'],
  DEVICE_DISABLED: [403, '设备已停用', 'The device is disabled'],
  DEVICE_EVENT_INVALID: [400, '事件内容无效：{reason}', 'The event is invalid: {reason}'],
  DEVICE_EVENT_KIND: [400, '此类设备不能上报该事件', 'This kind of device cannot report this event'],
  SPACE_UNKNOWN: [400, '本小区没有编号为 {no} 的车位', 'The compound has no space numbered {no}'],
});
