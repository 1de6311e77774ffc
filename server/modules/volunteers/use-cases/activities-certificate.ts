import { ancestorOfKind, findPlace } from '../../../kernel/access/index.ts';
import { chinaDay } from '../../../kernel/clock.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { cjkDocument, qrPng } from '../../../kernel/pdf/document.ts';
import { maskName } from '../../../kernel/pii/pii.ts';
import type { PeriodQuery } from '../volunteers.activities.schemas.ts';
import { type Executor, read } from '../volunteers.db.ts';
import { VolunteersErrors } from '../volunteers.errors.ts';
import { allows } from '../volunteers.policy.ts';

export interface ServiceLine {
  title: string;
  placeName: string;
  day: string;
  minutes: number;
  points: number;
}

export interface ServiceRecord {
  volunteerId: string;
  personName: string;
  communityName: string;
  from: string;
  to: string;
  lines: ServiceLine[];
  minutes: number;
  points: number;
}

/** Hours as the certificate prints them: 90 → 1.5. */
export const hoursOf = (minutes: number) => Math.round((minutes / 60) * 10) / 10;

/** The community a volunteer registered under (their place, or the community above it). */
async function communityName(db: Executor, placeId: string): Promise<string> {
  const place = await findPlace(db, placeId);
  if (!place) return '';
  if (place.kind === 'community') return place.name;
  return (await ancestorOfKind(db, place, 'community'))?.name ?? place.name;
}

/**
 * A volunteer's confirmed activities whose day (Shanghai) falls in [from, to], with their minutes and points. The
 * period defaults to this year up to today.
 */
export async function serviceRecord(db: Executor, v: { id: string; streetId: string; personId: string; personName: string; placeId: string }, period: PeriodQuery, now: Date): Promise<ServiceRecord> {
  const today = chinaDay(now);
  const from = period.from ?? `${today.slice(0, 4)}-01-01`;
  const to = period.to ?? today;
  const rows = await db
    .selectFrom('vol_activity_signups as s')
    .innerJoin('vol_activities as a', (j) => j.onRef('a.street_id', '=', 's.street_id').onRef('a.id', '=', 's.activity_id'))
    .innerJoin('street_places as p', (j) => j.onRef('p.street_id', '=', 'a.street_id').onRef('p.id', '=', 'a.place_id'))
    .select(['a.title', 'p.name as placeName', 'a.starts_at as startsAt', 's.minutes', 's.points'])
    .where('s.street_id', '=', v.streetId)
    .where('s.person_id', '=', v.personId)
    .where('s.status', '=', 'signed_up')
    .where('s.confirmed_at', 'is not', null)
    .where('a.starts_at', '>=', new Date(`${from}T00:00:00+08:00`))
    .where('a.starts_at', '<', new Date(new Date(`${to}T00:00:00+08:00`).getTime() + 86_400_000))
    .orderBy('a.starts_at')
    .orderBy('a.id')
    .execute();
  const lines = rows.map((r) => ({ title: r.title, placeName: r.placeName, day: chinaDay(r.startsAt), minutes: r.minutes ?? 0, points: r.points ?? 0 }));
  return {
    volunteerId: v.id,
    personName: v.personName,
    communityName: await communityName(db, v.placeId),
    from,
    to,
    lines,
    minutes: lines.reduce((n, l) => n + l.minutes, 0),
    points: lines.reduce((n, l) => n + l.points, 0),
  };
}

const VOLUNTEER = ['id', 'street_id as streetId', 'person_id as personId', 'person_name as personName', 'place_id as placeId'] as const;

/** The PDF: 志愿服务证明 — name, period, each confirmed activity, the total hours, the community, a QR to the live record. */
async function render(r: ServiceRecord, liveUrl: string, issuedOn: string): Promise<{ fileName: string; content: Buffer }> {
  const qr = await qrPng(liveUrl);
  const { doc, bytes } = cjkDocument({ size: 'A4', margins: { top: 56, bottom: 56, left: 60, right: 60 }, info: { Title: `志愿服务证明 ${r.personName}`, Creator: 'Gongzhi 共治' } });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  doc.fontSize(22).text('志愿服务证明', { align: 'center' });
  doc.moveDown(1.2).fontSize(12.5);
  doc.text(
    `兹证明 ${r.personName} 同志于 ${r.from} 至 ${r.to} 期间参加${r.communityName}组织的志愿服务活动 ${r.lines.length} 次，经组织者确认的服务时长共计 ${hoursOf(r.minutes)} 小时，获得志愿服务积分 ${r.points} 分。`,
    { width, lineGap: 6 },
  );
  doc.text('特此证明。', { width });
  doc.moveDown(1).fontSize(11);
  const cols = [left, left + 92, left + width - 150, left + width - 70];
  const row = (cells: string[], bold = false) => {
    const y = doc.y;
    doc.fontSize(bold ? 11 : 10.5);
    doc.text(cells[0]!, cols[0], y, { width: 88 });
    doc.text(cells[1]!, cols[1], y, { width: cols[2]! - cols[1]! - 6 });
    doc.text(cells[2]!, cols[2], y, { width: 76 });
    doc.text(cells[3]!, cols[3], y, { width: 70 });
    doc.x = left;
    doc.moveDown(0.4);
  };
  row(['日期', '活动', '时长（小时）', '积分'], true);
  for (const l of r.lines) {
    if (doc.y > doc.page.height - 200) doc.addPage();
    row([l.day, `${l.title}（${l.placeName}）`, String(hoursOf(l.minutes)), String(l.points)]);
  }
  if (!r.lines.length) row(['—', '该期间无已确认的志愿服务', '0', '0']);
  row(['合计', '', String(hoursOf(r.minutes)), String(r.points)], true);
  const y = Math.max(doc.y + 20, doc.page.height - 200);
  doc.image(qr, left, y, { width: 90 });
  doc.fontSize(8.5).fillColor('#555555').text('扫码查看实时服务记录', left, y + 94, { width: 90, align: 'center' });
  doc.fillColor('black').fontSize(12).text(r.communityName, left + width - 220, y + 20, { width: 220, align: 'right' });
  doc.text(`开具日期：${issuedOn}`, left + width - 220, y + 44, { width: 220, align: 'right' });
  doc.end();
  return { fileName: `志愿服务证明-${r.personName}-${r.from}至${r.to}.pdf`, content: await bytes };
}

/** My certificate (the resident's own volunteer record; NOT_A_VOLUNTEER without one). */
export async function myCertificate(ctx: Ctx, period: PeriodQuery, liveUrl: (volunteerId: string) => string) {
  const db = read(ctx);
  const personId = ctx.actor.personId;
  const v = personId ? await db.selectFrom('vol_volunteers').select(VOLUNTEER).where('person_id', '=', personId).orderBy('created_at', 'desc').executeTakeFirst() : undefined;
  if (!v) throw VolunteersErrors.NOT_A_VOLUNTEER();
  const now = ctx.kernel.clock.now();
  return render(await serviceRecord(db, v, period, now), liveUrl(v.id), chinaDay(now));
}

/** A volunteer's certificate for staff who read activities where the volunteer registered. */
export async function volunteerCertificate(ctx: Ctx, volunteerId: string, period: PeriodQuery, liveUrl: (volunteerId: string) => string) {
  const db = read(ctx);
  const v = await db
    .selectFrom('vol_volunteers as v')
    .innerJoin('street_places as p', (j) => j.onRef('p.street_id', '=', 'v.street_id').onRef('p.id', '=', 'v.place_id'))
    .select(['v.id', 'v.street_id as streetId', 'v.person_id as personId', 'v.person_name as personName', 'v.place_id as placeId', 'p.path'])
    .where('v.id', '=', volunteerId)
    .executeTakeFirst();
  if (!v || !(allows(ctx.actor, 'activitiesRead', v.path) || allows(ctx.actor, 'activitiesManage', v.path))) throw VolunteersErrors.NOT_A_VOLUNTEER();
  const now = ctx.kernel.clock.now();
  return render(await serviceRecord(db, v, period, now), liveUrl(v.id), chinaDay(now));
}

/** The live record the certificate's QR opens: masked name, community, and all confirmed service (public, no PII). */
export async function publicServiceRecord(db: Executor, volunteerId: string, now: Date) {
  const v = await db.selectFrom('vol_volunteers').select(VOLUNTEER).where('id', '=', volunteerId).executeTakeFirst();
  if (!v) return null;
  const r = await serviceRecord(db, v, { from: '2000-01-01' }, now);
  return { ...r, personName: maskName(v.personName) };
}
