import type { Ctx } from '../../../kernel/context.ts';
import { cjkDocument, qrPng } from '../../../kernel/pdf/document.ts';
import { CONVENER_KIND_ZH, MEETING_KIND_ZH, OUTCOME_ZH, STANCE_ZH } from '../meetings.labels.ts';
import { getMeeting } from './get-meeting.ts';
import { meetingTime } from './meeting-access.ts';

const STATUS_ZH = { scheduled: '待召开', signing_in: '签到中', closed: '已结束', cancelled: '已取消' } as const;

/**
 * The meeting's record (会议记录) for the staff's files, A4: title, time, place, convener, the attendees with their
 * positions and sign-in, the agenda with each body's position and the outcome, and the minutes — internal ones
 * too (only those who may read the meeting get it) — with a QR code back to the workbench meeting page.
 */
export async function renderMeetingRecordPdf(ctx: Ctx, id: string, pageUrl: string): Promise<{ title: string; pdf: Buffer }> {
  const m = await getMeeting(ctx, id);
  const qr = await qrPng(pageUrl);
  const title = `${m.title} 会议记录`;
  const { doc, bytes } = cjkDocument({ size: 'A4', margins: { top: 48, bottom: 48, left: 48, right: 48 }, info: { Title: title, Creator: 'Gongzhi 共治' } });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  doc.image(qr, left + width - 64, 36, { width: 64 });
  doc.fontSize(18).text(title, left, 48, { align: 'center', width: width - 70 });
  doc.moveDown(0.6).fontSize(11);
  const line = (label: string, value: string) => doc.text(`${label}：${value}`, { width: width - 70 });
  line('会议类型', MEETING_KIND_ZH[m.kind]);
  line('时间', meetingTime(new Date(m.startsAt)));
  line('地点', `${m.placeLabel ?? m.placeName} ${m.location}`);
  line('召集', `${m.convenerName}（${CONVENER_KIND_ZH[m.convenerKind]}）`);
  line('状态', STATUS_ZH[m.status] + (m.cancelReason ? `（${m.cancelReason}）` : ''));
  const signed = m.attendees.filter((a) => a.signedInAt).length;
  line('出席', `应到 ${m.attendees.length} 人，实到 ${signed} 人`);

  const heading = (text: string) => {
    doc.moveDown(0.8).fontSize(13).text(text, left);
    doc.moveDown(0.2).fontSize(10);
  };
  heading('一、参会人员');
  for (const a of m.attendees) {
    const posts = a.positions.map((p) => [p.organisationName, p.title].filter(Boolean).join(' ')).join('；') || '列席';
    const sign = a.signedInAt ? `已签到 ${meetingTime(new Date(a.signedInAt)).slice(11)}（${a.signedInVia === 'qr' ? '扫码' : `工作人员代签${a.signedInByName ? `：${a.signedInByName}` : ''}`}）` : '未签到';
    doc.text(`${a.name}　${posts}　${sign}`, { width });
  }

  heading('二、议程与协商结果');
  const bodyName = new Map(m.bodies.map((b) => [b.key, b.name]));
  if (m.agenda.length === 0) doc.text('（无议题）');
  for (const [i, g] of m.agenda.entries()) {
    doc.fontSize(11).text(`${i + 1}. ${g.code ? `${g.code} ` : ''}${g.title}`, { width });
    doc.fontSize(10);
    for (const p of g.positions) doc.text(`　　${bodyName.get(p.bodyKey) ?? p.bodyKey}：${STANCE_ZH[p.stance]}${p.note ? `（${p.note}）` : ''}`, { width });
    doc.text(`　　结果：${g.outcomeKind ? OUTCOME_ZH[g.outcomeKind] : '未形成'}${g.outcomeText ? `：${g.outcomeText}` : ''}`, { width });
  }

  heading(`三、会议纪要${m.minutesPublic ? '（已公开）' : '（内部）'}`);
  doc.text(m.minutes ?? '（尚未填写）', { width });
  if (m.attachments.length > 0) {
    heading('四、附件');
    for (const a of m.attachments) doc.text(a.name, { width });
  }
  doc.end();
  return { title, pdf: await bytes };
}
