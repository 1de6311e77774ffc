import { type Actor, isSystem } from '../../../kernel/access/index.ts';
import { type Ctx, audit } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { sniffImageType } from '../../../kernel/files/files.ts';
import { newId } from '../../../kernel/ids.ts';
import { notify } from '../../../kernel/notify/notify.ts';
import {
  ACTION_FROM,
  type IssuerLevel,
  LEVEL_RANK,
  NOTICE_MAX_FILE_BYTES,
  NOTICE_MAX_FILES,
  type NoticeAction,
  type NoticeEventKind,
  type NoticeStatus,
} from '../supervision.rectification.constants.ts';
import { SUPERVISION_ROLES } from '../supervision.constants.ts';
import { type Executor, type Tx, read, write } from '../supervision.db.ts';
import { allows, placeFilter } from '../supervision.policy.ts';
import { RectificationErrors } from '../supervision.rectification.errors.ts';
import { insertNoticeEvent, type LoadedNotice, loadNotice } from '../supervision.rectification.repository.ts';

export const STATUS_LABEL: Record<NoticeStatus, { zh: string; en: string }> = {
  issued: { zh: '待整改', en: 'waiting for the fix' },
  reissued: { zh: '重新整改', en: 'sent back for another fix' },
  responded: { zh: '待核验', en: 'waiting for verification' },
  closed: { zh: '已销号', en: 'closed' },
};
export const LEVEL_LABEL: Record<IssuerLevel, { zh: string; en: string }> = { street: { zh: '街道', en: 'street' }, community: { zh: '社区', en: 'community' } };

/** A grant of an issuing role covering a place, with the level its place gives it. */
export interface IssuerGrant {
  placeId: string;
  placeName: string;
  role: string;
  level: IssuerLevel;
  org: string;
}

/**
 * The actor's grants of an issuing role (street official, 物委会, community secretary or staff) covering the place,
 * each with its level: a grant at a street or above issues at street level, one at a community or below at
 * community level. Widest first.
 */
export async function issuerGrants(db: Executor, actor: Actor, placePath: string): Promise<IssuerGrant[]> {
  const grants = actor.grants.filter((g) => (SUPERVISION_ROLES.noticesIssue as readonly string[]).includes(g.role) && placePath.startsWith(g.placePath));
  if (grants.length === 0) return [];
  const kinds = new Map(
    (await db.selectFrom('places').select(['id', 'kind']).where('id', 'in', grants.map((g) => g.placeId)).execute()).map((p) => [p.id, p.kind]),
  );
  return grants
    .map((g) => {
      const kind = kinds.get(g.placeId) ?? 'compound';
      const level: IssuerLevel = kind === 'street' || kind === 'district' || kind === 'city' ? 'street' : 'community';
      return { placeId: g.placeId, placeName: g.placeName, role: g.role, level, org: organisationName(g.role, g.placeName, kind) };
    })
    .sort((a, b) => LEVEL_RANK[b.level] - LEVEL_RANK[a.level]);
}

/** The issuing body's name as printed on the notice: the office of the grant's role at its place. */
function organisationName(role: string, placeName: string, kind: string): string {
  if (role === 'property_committee_member') return `${placeName}物业管理委员会`;
  if (role === 'street_official') return kind === 'street' ? `${placeName}办事处` : placeName;
  return `${placeName}居民委员会`;
}

/** Whether the actor may close or reissue: an issuing grant covering the place at the notice's level or above. */
export async function mayVerify(db: Executor, actor: Actor, notice: Pick<LoadedNotice, 'place_path' | 'issuer_level'>): Promise<boolean> {
  if (isSystem(actor)) return true;
  return (await issuerGrants(db, actor, notice.place_path)).some((g) => LEVEL_RANK[g.level] >= LEVEL_RANK[notice.issuer_level]);
}

/** Loads a notice the actor may read (locked for a change when asked); anything else is "not found". */
export async function loadVisibleNotice(db: Executor, actor: Actor, id: string, forUpdate = false): Promise<LoadedNotice> {
  const notice = await loadNotice(db, id, forUpdate);
  if (!notice || !allows(actor, 'noticesRead', notice.place_path)) throw RectificationErrors.NOTICE_NOT_FOUND();
  return notice;
}

/** The SQL filter of lists: notices at places the actor reads notices of. */
export const noticeFilter = (actor: Actor) => placeFilter(actor, 'noticesRead', 'n.place_id', 'place.path');

/** Whether the actor may take the action on the notice, whatever its status. */
export async function permitted(db: Executor, actor: Actor, action: NoticeAction, notice: LoadedNotice): Promise<boolean> {
  if (action === 'respond') return allows(actor, 'noticesRespond', notice.place_path);
  return mayVerify(db, actor, notice);
}

/** The actions the actor can take on the notice now: the buttons the web shows. */
export async function availableActions(db: Executor, actor: Actor, notice: LoadedNotice): Promise<NoticeAction[]> {
  const out: NoticeAction[] = [];
  for (const a of ['respond', 'close', 'reissue'] as const) if (ACTION_FROM[a].includes(notice.status) && (await permitted(db, actor, a, notice))) out.push(a);
  return out;
}

/**
 * One transition as one transaction: lock the notice, check the actor may see it (404), may take the action (403,
 * naming the level rule when it is that) and that its status allows it (409); apply; record.
 */
export async function changeNotice<T>(
  ctx: Ctx,
  id: string,
  action: NoticeAction,
  apply: (tx: Tx, notice: LoadedNotice, now: Date) => Promise<T>,
): Promise<T> {
  return write(ctx, async (tx) => {
    const notice = await loadVisibleNotice(tx, ctx.actor, id, true);
    if (!(await permitted(tx, ctx.actor, action, notice))) {
      if (action !== 'respond' && allows(ctx.actor, 'noticesIssue', notice.place_path)) {
        const l = LEVEL_LABEL[notice.issuer_level];
        throw RectificationErrors.LEVEL_TOO_LOW({ level: l.zh, levelEn: l.en });
      }
      throw CommonErrors.FORBIDDEN();
    }
    if (!ACTION_FROM[action].includes(notice.status)) {
      const s = STATUS_LABEL[notice.status];
      throw action === 'respond' ? RectificationErrors.NOT_WAITING_FOR_COMPANY({ status: s.zh }, { status: notice.status }) : RectificationErrors.NOT_WAITING_FOR_ISSUER({ status: s.zh }, { status: notice.status });
    }
    return apply(tx, notice, ctx.kernel.clock.now());
  });
}

/** Who hears of an event: the other side of the notice (the company, or the issuer), or the level above. */
const COMPANY_ROLES = ['property_manager', 'property_staff'] as const;

/**
 * The timeline event, the audit entry `supervision.notice.<kind>` and the notification to the other side, in the
 * change's transaction.
 */
export async function recordNoticeChange(
  tx: Tx,
  ctx: Ctx,
  before: LoadedNotice,
  now: Date,
  kind: NoticeEventKind,
  change: { note?: string; detail?: Record<string, unknown> } = {},
) {
  const after = await loadNotice(tx, before.id);
  if (!after) throw new Error(`notice ${before.id} vanished in its own transaction`);
  await insertNoticeEvent(tx, {
    streetId: before.street_id,
    noticeId: before.id,
    at: now,
    actorId: isSystem(ctx.actor) ? null : ctx.actor.accountId,
    actorName: isSystem(ctx.actor) ? '系统' : ctx.actor.name,
    kind,
    round: after.round,
    note: change.note,
    detail: change.detail,
  });
  await audit(tx, ctx, {
    action: `supervision.notice.${kind}`,
    placeId: before.place_id,
    subjectType: 'supervision_notice',
    subjectId: before.id,
    before: kind === 'issued' ? undefined : auditView(before),
    after: auditView(after),
    detail: { no: after.no, from: kind === 'issued' ? null : before.status, to: after.status, round: after.round, ...change.detail },
  });
  const data = {
    id: after.id,
    no: after.no,
    title: after.title,
    compound: after.compound_name,
    company: after.company_name,
    issuer: after.issuer_org,
    deadline: after.deadline,
  };
  const subject = { type: 'supervision_notice', id: after.id };
  if (kind === 'issued' || kind === 'reissued' || kind === 'closed') {
    await notify(tx, ctx, { template: `supervision.notice_${kind}`, placeId: after.place_id, to: { roles: [...COMPANY_ROLES] }, data, subject });
  } else if (kind === 'responded') {
    await notify(tx, ctx, { template: 'supervision.notice_responded', placeId: after.place_id, to: { accounts: [after.issuer_id] }, data, subject });
  } else if (kind === 'escalated') {
    const roles = after.escalated_to === 'street_committee' ? ['street_official', 'property_committee_member'] : ['street_official'];
    await notify(tx, ctx, {
      template: 'supervision.notice_escalated',
      placeId: after.place_id,
      to: { roles: roles as ('street_official' | 'property_committee_member')[] },
      data: { ...data, level: LEVEL_LABEL[after.issuer_level].zh },
      subject,
    });
  }
}

/** What the audit log keeps of a notice: its state, not its texts' full length. */
const auditView = (n: LoadedNotice) => ({
  no: n.no,
  status: n.status,
  round: n.round,
  deadline: n.deadline,
  companyId: n.company_id,
  issuerLevel: n.issuer_level,
  overdueAt: n.overdue_at,
  escalatedAt: n.escalated_at,
  closedAt: n.closed_at,
});

/** A file as it arrived. */
export interface Upload {
  filename: string;
  content: Buffer;
}
export interface CheckedFile {
  filename: string;
  content: Buffer;
  mime: string;
  kind: 'photo' | 'document';
}

/** Checks evidence before anything is written: at most nine, each at most 10 MB, each an image or a PDF by its content. */
export function checkEvidence(uploads: Upload[]): CheckedFile[] {
  if (uploads.length > NOTICE_MAX_FILES) throw RectificationErrors.TOO_MANY_FILES({ max: NOTICE_MAX_FILES });
  return uploads.map((u) => {
    const name = u.filename.slice(0, 100) || '?';
    if (u.content.length > NOTICE_MAX_FILE_BYTES) throw RectificationErrors.FILE_TOO_LARGE({ name, mb: NOTICE_MAX_FILE_BYTES / 1024 / 1024 });
    const image = sniffImageType(u.content);
    if (image) return { filename: name, content: u.content, mime: image, kind: 'photo' as const };
    if (u.content.subarray(0, 5).toString('latin1') === '%PDF-') return { filename: name, content: u.content, mime: 'application/pdf', kind: 'document' as const };
    throw RectificationErrors.FILE_TYPE_NOT_ALLOWED({ name });
  });
}

/** Stores checked files of a notice in its transaction; the keys written go to `written` (for cleanup on failure). */
export async function storeEvidence(
  tx: Tx,
  ctx: Ctx,
  target: { streetId: string; noticeId: string; round: number; stage: 'issue' | 'response'; at: Date },
  files: CheckedFile[],
  written: string[],
) {
  for (const f of files) {
    const key = await ctx.kernel.files.put(f.content);
    written.push(key);
    await tx
      .insertInto('sup_notice_files')
      .values({
        street_id: target.streetId,
        id: newId(),
        notice_id: target.noticeId,
        round: target.round,
        stage: target.stage,
        kind: f.kind,
        file_key: key,
        file_name: f.filename,
        mime: f.mime,
        size_bytes: f.content.length,
        source_file_id: null,
        uploaded_by: ctx.actor.accountId,
        uploaded_at: target.at,
      })
      .execute();
  }
}

/**
 * Runs a write that stores files; if it fails, the files it stored that no committed row refers to are forgotten
 * (keys are content hashes: a file another notice or inspection also holds is kept).
 */
export async function withEvidence<T>(ctx: Ctx, work: (written: string[]) => Promise<T>): Promise<T> {
  const written: string[] = [];
  try {
    return await work(written);
  } catch (err) {
    for (const key of new Set(written)) {
      const used = await read(ctx).selectFrom('sup_notice_files').select('id').where('file_key', '=', key).limit(1).executeTakeFirst();
      const inspected = await read(ctx).selectFrom('sup_inspection_files').select('id').where('file_key', '=', key).limit(1).executeTakeFirst();
      if (!used && !inspected) await ctx.kernel.files.remove(key).catch(() => {});
    }
    throw err;
  }
}
