import { defineErrors } from '../../kernel/errors.ts';

export const ActivationErrors = defineErrors({
  // Sign-up codes
  OTP_RESEND_TOO_SOON: [429, '验证码发送过于频繁，请 {seconds} 秒后再试', 'A code was sent moments ago; try again in {seconds} seconds'],
  OTP_DAILY_LIMIT: [429, '该手机号今日获取验证码次数已达上限，请明天再试', 'This number has had too many codes today; try again tomorrow'],
  OTP_INVALID: [400, '验证码错误，还可尝试 {left} 次', 'Wrong code; {left} tries left'],
  OTP_EXPIRED: [400, '验证码已失效，请重新获取', 'The code has expired or was never sent; request a new one'],
  OTP_TOO_MANY_ATTEMPTS: [429, '验证码错误次数过多，请重新获取', 'Too many wrong codes; request a new one'],
  PHONE_TAKEN: [409, '该手机号已注册，请直接登录', 'This number already has an account; please sign in'],
  RESET_ACCOUNT_DISABLED: [403, '该账号已停用，无法找回密码，请联系所在社区居委会', 'This account is disabled; ask your residents’ committee'],
  PASSWORD_WEAK: [400, '密码须为 8–64 位，且同时包含字母和数字', 'The password needs 8–64 characters with both letters and digits'],
  // Claims
  ALREADY_ACTIVATED: [409, '您的账号已激活，无需重复认领', 'Your account is already activated'],
  ROOM_NOT_FOUND: [404, '未找到该房屋', 'Room not found'],
  PLACE_NOT_FOUND: [404, '未找到该地点', 'Place not found'],
  CODE_NOT_FOUND: [404, '激活码无效，请核对后重新输入', 'Unknown activation code; check it and try again'],
  CLAIM_RATE_LIMITED: [
    429,
    '认领失败次数过多，请 {minutes} 分钟后再试，或联系居委会',
    'Too many unsuccessful claims; try again in {minutes} minutes or contact the residents’ committee',
  ],
  // Review
  CLAIM_NOT_FOUND: [404, '认领申请不存在或不在您的管辖范围内', 'Claim not found or outside your scope'],
  CLAIM_NOT_PENDING: [409, '该认领申请已处理', 'This claim has already been decided'],
  CLAIM_PERSON_REQUIRED: [400, '请选择要关联的住户人员', 'Choose the household member to link'],
  CLAIM_PERSON_NOT_MEMBER: [400, '所选人员不是该房屋的现住户', 'The chosen person is not a current member of this room'],
  CLAIM_ACCOUNT_ACTIVATED: [409, '申请人的账号已关联其他人员', 'The claimant’s account is already linked to another person'],
  // Slips
  NO_HOUSEHOLDS: [400, '该楼栋没有登记住户，无需打印激活单', 'No households are registered in this building'],
});
