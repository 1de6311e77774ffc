import { sql } from 'kysely';
import type { Ctx } from '../../../kernel/context.ts';
import { type Executor, read } from '../supervision.db.ts';
import { RectificationErrors } from '../supervision.rectification.errors.ts';
import { noticeEvents, noticeFiles } from '../supervision.rectification.repository.ts';
import { availableActions, loadVisibleNotice } from './notice-access.ts';

/** A notice as its page shows it: the record, the place's label, the timeline, the evidence and the actor's actions. */
export async function getNotice(ctx: Ctx, id: string) {
  const db = read(ctx);
  const n = await loadVisibleNotice(db, ctx.actor, id);
  const now = ctx.kernel.clock.now();
  const [label, events, files, actions] = await Promise.all([
    placeLabelOf(db, n.place_path),
    noticeEvents(db, n.street_id, n.id),
    noticeFiles(db, n.street_id, n.id),
    availableActions(db, ctx.actor, n),
  ]);
  return {
    id: n.id,
    no: n.no,
    title: n.title,
    description: n.description,
    status: n.status,
    round: n.round,
    deadline: n.deadline,
    overdue: (n.status === 'issued' || n.status === 'reissued') && n.due_at <= now,
    placeId: n.place_id,
    placeLabel: label?.label ?? n.place_name,
    compoundId: n.compound_id,
    compoundName: n.compound_name,
    companyId: n.company_id,
    companyName: n.company_name,
    issuerName: n.issuer_name,
    issuerOrg: n.issuer_org,
    issuerLevel: n.issuer_level,
    issuedAt: n.issued_at,
    respondedAt: n.responded_at,
    overdueAt: n.overdue_at,
    escalatedAt: n.escalated_at,
    escalatedTo: n.escalated_to,
    overdueCount: n.overdue_count,
    closedAt: n.closed_at,
    source: n.source_inspection_id ? { inspectionId: n.source_inspection_id, indicatorId: n.source_indicator_id } : null,
    events: events.map((e) => ({ id: e.id, at: e.at, actorName: e.actor_name, kind: e.kind, round: e.round, note: e.note, detail: e.detail })),
    files: files.map((f) => ({ id: f.id, round: f.round, stage: f.stage, kind: f.kind, fileName: f.file_name, mime: f.mime, sizeBytes: f.size_bytes })),
    actions,
  };
}
export type NoticeDetail = Awaited<ReturnType<typeof getNotice>>;

/** One evidence file of a notice the actor may read. */
export async function noticeFile(ctx: Ctx, id: string, fileId: string): Promise<{ fileName: string; mime: string; content: Buffer }> {
  const n = await loadVisibleNotice(read(ctx), ctx.actor, id);
  const f = await read(ctx)
    .selectFrom('sup_notice_files')
    .select(['file_key', 'file_name', 'mime'])
    .where('street_id', '=', n.street_id)
    .where('notice_id', '=', n.id)
    .where('id', '=', fileId)
    .executeTakeFirst();
  if (!f) throw RectificationErrors.FILE_NOT_FOUND();
  const content = await ctx.kernel.files.get(f.file_key);
  if (!content) throw RectificationErrors.FILE_NOT_FOUND();
  return { fileName: f.file_name || 'file', mime: f.mime, content };
}

/** "阳光花园 / 3栋 / 1单元": the names of the compound and the places below it on the path. */
export async function placeLabelOf(db: Executor, path: string): Promise<{ label: string | null } | undefined> {
  const ids = path.split('/').filter(Boolean);
  const r = await sql<{ label: string | null }>`select string_agg(a.name, ' / ' order by a.depth) as label from street_places a
    where a.id = any(${ids}::uuid[]) and a.kind in ('compound', 'building', 'unit', 'room')`.execute(db);
  return r.rows[0];
}
