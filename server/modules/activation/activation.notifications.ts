import type { NotificationTemplate } from '../../kernel/notify/notify.ts';
import { OTP } from './activation.constants.ts';

/** What activation says to people: sign-up texts (sent at once, never queued) and the review's answer. */
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
    key: 'activation.claim_decided',
    label: { zh: '房屋认证结果', en: 'Home claim results' },
    title: { zh: '房屋认证{resultZh}', en: 'Your home claim was {resultEn}' },
    body: { zh: '{room}：{note}', en: '{room}: {note}' },
    wechat: { thing1: '房屋认证', phrase2: '{resultZh}', thing3: '{room}' },
    link: '/h5/me',
  },
];
