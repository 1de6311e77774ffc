import { sql, type SqlBool } from 'kysely';
import type { Ctx } from '../../../kernel/context.ts';
import type { Executor } from '../notices.db.ts';
import { roomsOfActor } from '../../registry/index.ts';
import { NoticeErrors } from '../notices.errors.ts';
import { mayManage, type PublisherKind, residentFilter, shanghaiDate, staffCanSee, staffFilter } from '../notices.policy.ts';
import { type AttachmentRow, type AttachmentSummary, attachmentsOf, findNotice, type NoticeRow } from '../notices.repository.ts';

/** Every place id on the paths of the actor's current rooms: a notice posted at any of them reaches them. */
export async function myPlaceIds(db: Executor, ctx: Ctx): Promise<string[]> {
  const rooms = await roomsOfActor(db, ctx);
  return [...new Set(rooms.flatMap((r) => r.roomPath.split('/').filter(Boolean)))];
}

export const todayOf = (ctx: Ctx) => shanghaiDate(ctx.kernel.clock.now());

/** Loads a notice the actor may see (through grants, or as a resident it concerns), or 404. */
export async function loadNoticeFor(db: Executor, ctx: Ctx, id: string) {
  const placeIds = await myPlaceIds(db, ctx);
  const filter = sql<SqlBool>`(${staffFilter(ctx.actor)} or ${residentFilter(placeIds, todayOf(ctx))})`;
  const row = await findNotice(db, id, ctx.actor.accountId, filter);
  if (!row) throw NoticeErrors.NOTICE_NOT_FOUND();
  const staff = staffCanSee(ctx.actor, { status: row.status, publisherKind: row.publisher_kind, placePath: row.place_path });
  const resident = effectiveStatus(row, todayOf(ctx)) === 'active' && placeIds.includes(row.place_id);
  return { row, staff, resident };
}
export type LoadedNotice = Awaited<ReturnType<typeof loadNoticeFor>>;

/** Where a published notice stands today. */
export function effectiveStatus(row: Pick<NoticeRow, 'status' | 'valid_from' | 'valid_until'>, today: string) {
  if (row.status !== 'published') return row.status;
  if (row.valid_from > today) return 'scheduled' as const;
  if (row.valid_until !== null && row.valid_until < today) return 'expired' as const;
  return 'active' as const;
}

const presentAttachment = (a: AttachmentSummary) => ({ id: a.id, name: a.name, mime: a.mime, size: a.size });

/** A notice for the workbench: everything, with read counts and what the actor may do. */
export function presentForStaff(ctx: Ctx, n: NoticeRow, attachments: AttachmentRow[], reach: number | null) {
  const manage = mayManage(ctx.actor, n.publisher_kind as PublisherKind, n.place_path);
  return {
    id: n.id,
    placeId: n.place_id,
    placeName: n.place_name,
    placeKind: n.place_kind,
    placeLabel: n.place_label,
    category: n.category,
    title: n.title,
    body: n.body,
    issuer: n.issuer,
    publisherKind: n.publisher_kind,
    status: n.status,
    effectiveStatus: effectiveStatus(n, todayOf(ctx)),
    pinned: n.pinned,
    validFrom: n.valid_from,
    validUntil: n.valid_until,
    createdAt: n.created_at,
    createdByName: n.created_by_name,
    updatedAt: n.updated_at,
    publishedAt: n.published_at,
    publishedByName: n.published_by_name,
    withdrawnAt: n.withdrawn_at,
    withdrawnByName: n.withdrawn_by_name,
    withdrawReason: n.withdraw_reason,
    attachments: attachments.filter((a) => a.notice_id === n.id).map(presentAttachment),
    readCount: Number(n.read_count),
    /** Resident accounts living under the place: who the notice can reach. */
    reach,
    can: {
      edit: manage && n.status !== 'withdrawn',
      publish: manage && n.status === 'draft',
      withdraw: manage && n.status === 'published',
      attach: manage && n.status !== 'withdrawn',
    },
  };
}
export type StaffNotice = ReturnType<typeof presentForStaff>;

/** A notice for a resident: what it says, where it applies, whether I have read it. */
export function presentForResident(n: NoticeRow, attachments: AttachmentSummary[]) {
  return {
    id: n.id,
    placeName: n.place_name,
    placeKind: n.place_kind,
    category: n.category,
    title: n.title,
    body: n.body,
    issuer: n.issuer,
    pinned: n.pinned,
    validFrom: n.valid_from,
    validUntil: n.valid_until,
    publishedAt: n.published_at,
    attachments: attachments.filter((a) => a.notice_id === n.id).map(presentAttachment),
    read: n.read_by_me,
  };
}
export type ResidentNotice = ReturnType<typeof presentForResident>;

export async function withAttachments(db: Executor, rows: NoticeRow[]) {
  return attachmentsOf(
    db,
    rows.map((r) => r.id),
  );
}
