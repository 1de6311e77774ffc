import type { Ctx } from '../../kernel/context.ts';
import { type NotificationTemplate, notify } from '../../kernel/notify/notify.ts';
import type { Tx } from './deliberation.db.ts';
import { MEETING_KIND_ZH } from './meetings.labels.ts';
import { meetingTime } from './use-cases/meeting-access.ts';

/**
 * What joint meetings say to their attendees (kernel/notify): the notice when a meeting is convened, and again
 * when its time or place changes. A meeting notice is worth a text message (people must come in person at a set
 * time), so it asks for SMS as well as the inbox; it leads to the H5 meeting page.
 */
export const MEETINGS_NOTIFICATIONS: NotificationTemplate[] = [
  {
    key: 'deliberation.meeting_notice',
    label: { zh: '会议通知', en: 'Meeting notices' },
    title: { zh: '{change}会议通知：{title}', en: '{changeEn}Meeting notice: {title}' },
    body: { zh: '{convener}定于 {time} 在{location}召开{kindZh}，请准时参加并扫码签到。', en: '{convener} holds a meeting on {time} at {location}. Please attend and sign in with the QR code.' },
    sms: { zh: '{change}{convener}定于{time}在{location}召开{kindZh}“{title}”，请准时参加。', en: '{changeEn}{convener}: meeting "{title}" on {time} at {location}. Please attend.' },
    link: '/h5/deliberation/meetings/{id}',
  },
];

/** Sends the meeting's notice to its invited persons (or `only` those), inbox and SMS, in the caller's transaction. */
export async function sendMeetingNotice(
  tx: Tx,
  ctx: Ctx,
  m: { id: string; place_id: string; title: string; kind: keyof typeof MEETING_KIND_ZH; convener_name: string; starts_at: Date; location: string },
  changed: boolean,
  only?: readonly string[],
): Promise<number> {
  const persons = only
    ? only.map((person_id) => ({ person_id }))
    : await tx.selectFrom('dlb_meeting_attendees').select('person_id').where('meeting_id', '=', m.id).where('person_id', 'is not', null).execute();
  if (persons.length === 0) return 0;
  const { recipients } = await notify(tx, ctx, {
    template: 'deliberation.meeting_notice',
    placeId: m.place_id,
    to: { persons: persons.map((p) => p.person_id!) },
    channels: ['inbox', 'sms'],
    data: {
      id: m.id,
      title: m.title,
      convener: m.convener_name,
      time: meetingTime(m.starts_at),
      location: m.location,
      kindZh: MEETING_KIND_ZH[m.kind],
      change: changed ? '【时间地点变更】' : '',
      changeEn: changed ? '[Changed] ' : '',
    },
    subject: { type: 'deliberation_meeting', id: m.id },
  });
  return recipients;
}
