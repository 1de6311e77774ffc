import type { ModulePart } from '../../kernel/module-parts.ts';

/** What the parking part says: an alert to the duty staff of the compound (inbox and WeChat; not urgent). */
export const parkingTemplates: NonNullable<ModulePart['templates']> = [
  {
    key: 'devices.parking.alert',
    title: { zh: '【{kindZh}】{place}', en: '[{kindEn}] {place}' },
    body: { zh: '{summary}（{at}）请及时处置。', en: '{summaryEn} ({at}). Please handle it.' },
    wechat: { thing1: '{kindZh}', thing2: '{place}', time3: '{at}' },
    link: '/devices/parking/alerts?status=open',
    label: { zh: '门禁停车告警', en: 'Gate and parking alerts' },
  },
];
