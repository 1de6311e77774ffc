import type { PublicPage } from '../../kernel/public/public-pages.ts';
import { read } from './volunteers.db.ts';
import { hoursOf, publicServiceRecord } from './use-cases/activities-certificate.ts';

/**
 * A volunteer's live service record (志愿服务记录), the page a certificate's QR code opens: the masked name, the
 * community, and every confirmed activity with its date and hours, so whoever holds the paper can check its figures.
 * No phone, no full name.
 */
export const serviceRecordPage: PublicPage = {
  key: 'volunteers.service-record',
  title: { 'zh-CN': '志愿服务记录', en: 'Volunteer service record' },
  param: 'id',
  maskedNames: ['sections[].items[].by'],
  cacheSeconds: 60,
  async load(kernel, { id, locale }) {
    if (!id) return null;
    const r = await publicServiceRecord(read(kernel), id, kernel.clock.now());
    if (!r) return null;
    const en = locale === 'en';
    return {
      title: en ? 'Volunteer service record' : '志愿服务记录',
      subtitle: r.communityName,
      updatedAt: kernel.clock.now().toISOString(),
      sections: [
        { kind: 'list', items: [{ title: en ? 'Volunteer' : '志愿者', by: r.personName }] },
        {
          kind: 'facts',
          facts: [
            { label: en ? 'Confirmed activities' : '已确认活动', value: String(r.lines.length) },
            { label: en ? 'Service hours' : '服务时长（小时）', value: String(hoursOf(r.minutes)) },
            { label: en ? 'Points earned' : '获得积分', value: String(r.points) },
          ],
        },
        {
          kind: 'table',
          heading: en ? 'Activities' : '活动明细',
          columns: en ? ['Date', 'Activity', 'Hours'] : ['日期', '活动', '时长（小时）'],
          rows: r.lines.map((l) => [l.day, `${l.title}（${l.placeName}）`, hoursOf(l.minutes)]),
        },
      ],
    };
  },
  async sampleIds(kernel) {
    const rows = await read(kernel).selectFrom('vol_activity_signups').select('volunteer_id').where('confirmed_at', 'is not', null).orderBy('volunteer_id').limit(3).execute();
    return [...new Set(rows.map((r) => r.volunteer_id))];
  },
};
