import type { NotificationTemplate } from '../../kernel/notify/notify.ts';

/** The fees core's messages: the payer hears that a payment was booked, with the receipt's number. */
export const FEES_CORE_NOTIFICATIONS: NotificationTemplate[] = [
  {
    key: 'fees.payment_booked',
    label: { zh: '缴费成功', en: 'Payments received' },
    title: { zh: '缴费成功：{amount} 元', en: 'Payment received: {amount} yuan' },
    body: { zh: '{room} 的 {amount} 元已入账，收据号 {receiptNo}。', en: '{amount} yuan for {room} is booked; receipt {receiptNo}.' },
    link: '/h5/fees/payments',
  },
];
