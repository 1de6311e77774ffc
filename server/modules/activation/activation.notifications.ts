import type { NotificationTemplate } from '../../kernel/notify/notify.ts';
import { OTP } from './activation.constants.ts';

/** What activation says to people: sign-up and password-reset texts (sent at once, never queued) and the review's answer. */
export const ACTIVATION_NOTIFICATIONS: NotificationTemplate[] = [
  {
    key: 'activation.signup_code',
    label: { zh: '注册验证码', en: 'Sign-up code' },
    title: { zh: '注册验证码', en: 'Sign-up code' },
    body: { zh: '验证码 {code}', en: 'Code {code}' },
    sms: {
      zh: `您的注册验证码为 {code}，${OTP.ttlMs / 60_000} 分钟内有效。请勿告诉他人。`,
      en: `Your Gongzhi sign-up code is {code}, valid for ${OTP.ttlMs / 60_000} minutes. Do not share it.`,
    },
  },
  {
    key: 'activation.already_registered',
    label: { zh: '注册提醒', en: 'Sign-up reminder' },
    title: { zh: '该手机号已注册', en: 'This number is registered' },
    body: { zh: '请直接登录', en: 'Please sign in' },
    sms: {
      zh: '该手机号已注册共治账号，请直接登录。如忘记密码，请联系所在社区居委会。',
      en: "This number already has a Gongzhi account: please sign in. Forgot the password? Ask your residents' committee.",
    },
  },
  {
    key: 'activation.reset_code',
    label: { zh: '找回密码验证码', en: 'Password reset code' },
    title: { zh: '找回密码验证码', en: 'Password reset code' },
    body: { zh: '验证码 {code}', en: 'Code {code}' },
    sms: {
      zh: `您正在找回共治账号密码，验证码为 {code}，${OTP.ttlMs / 60_000} 分钟内有效。如非本人操作，请忽略本短信。`,
      en: `Your Gongzhi password reset code is {code}, valid for ${OTP.ttlMs / 60_000} minutes. If you did not ask for it, ignore this text.`,
    },
  },
  {
    // A reset asked for a number without an account: no code, but how to sign up (the form answers the same).
    key: 'activation.reset_no_account',
    label: { zh: '找回密码提醒', en: 'Password reset reminder' },
    title: { zh: '该手机号未注册', en: 'This number has no account' },
    body: { zh: '请先注册', en: 'Please sign up' },
    sms: {
      zh: '没有共治账号使用该手机号，无法找回密码。如需注册，请打开共治居民端，点击“注册”，用本手机号获取验证码。',
      en: 'No Gongzhi account uses this number, so there is no password to reset. To sign up, open the Gongzhi resident app, tap “Sign up” and request a code for this number.',
    },
  },
  {
    key: 'activation.reset_disabled',
    label: { zh: '找回密码提醒', en: 'Password reset reminder' },
    title: { zh: '账号已停用', en: 'Account disabled' },
    body: { zh: '请联系居委会', en: "Ask your residents' committee" },
    sms: {
      zh: '使用该手机号的共治账号已停用，无法找回密码。如有疑问，请联系所在社区居委会。',
      en: "The Gongzhi account of this number is disabled, so its password cannot be reset. Ask your residents' committee.",
    },
  },
  {
    key: 'activation.claim_decided',
    label: { zh: '房屋认证结果', en: 'Home claim results' },
    title: { zh: '房屋认证{resultZh}', en: 'Your home claim was {resultEn}' },
    body: { zh: '{room}：{note}', en: '{room}: {note}' },
    wechat: { thing1: '房屋认证', phrase2: '{resultZh}', thing3: '{room}' },
    link: '/h5/me',
  },
];
