import type { NotificationTemplate } from '../../kernel/notify/notify.ts';
import type { Category } from './repairs.constants.ts';

/** Category names for messages, which are rendered on the server (the web has the same in its texts). */
export const CATEGORY_NAMES: Record<Category, { zh: string; en: string }> = {
  water: { zh: '给排水', en: 'water & drains' },
  electric: { zh: '电路照明', en: 'electricity & lights' },
  elevator: { zh: '电梯', en: 'elevator' },
  doors: { zh: '门窗门禁', en: 'doors & access' },
  facility: { zh: '公共设施', en: 'common facilities' },
  environment: { zh: '环境卫生', en: 'cleaning & greenery' },
  other: { zh: '其他', en: 'other' },
};

/** What a resident hears of their order, by timeline event: zh, en. Other events (started, rated) are not told. */
export const TOLD_EVENTS: Record<string, { zh: string; en: string }> = {
  accepted: { zh: '已受理', en: 'accepted' },
  dispatched: { zh: '已派单，维修人员将与您联系', en: 'dispatched: the repairer will contact you' },
  finished: { zh: '已完工，请评价', en: 'finished: please rate it' },
  returned: { zh: '被退回，请查看原因', en: 'returned: see why' },
  priced: { zh: '为有偿服务，请确认报价', en: 'a paid service: please see the price' },
  answered: { zh: '已答复', en: 'answered' },
  cancelled: { zh: '已取消', en: 'cancelled' },
};

/** What repairs says to people (kernel/notify/). */
export const REPAIR_NOTIFICATIONS: NotificationTemplate[] = [
  {
    key: 'repairs.progress',
    label: { zh: '报修进度', en: 'Repair progress' },
    title: { zh: '报修单 {no} {eventZh}', en: 'Repair order {no} {eventEn}' },
    body: { zh: '您报修的「{categoryZh}」{eventZh}。', en: 'Your repair ({categoryEn}) was {eventEn}.' },
    wechat: { character_string1: '{no}', thing2: '{categoryZh}', thing3: '{eventZh}' },
    link: '/h5/services/repairs/{orderId}',
  },
  {
    key: 'repairs.escalated',
    label: { zh: '报修超时督办', en: 'Overdue repairs' },
    title: { zh: '报修单 {no} 超时，已转居委会督办', en: 'Repair order {no} is overdue and escalated' },
    body: { zh: '{compound}的报修单 {no}（{categoryZh}）{kindZh}，请督办。', en: 'Order {no} ({categoryEn}) at {compound} {kindEn}: please follow it up.' },
    link: '/repairs/escalations',
  },
];
