import { streetOf } from '../../../kernel/access/index.ts';
import { type Ctx, audit } from '../../../kernel/context.ts';
import { write, type Tx } from '../notices.db.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { newId } from '../../../kernel/ids.ts';
import { countResidentAccountsUnder } from '../../registry/index.ts';
import { NoticeErrors } from '../notices.errors.ts';
import { mayManage } from '../notices.policy.ts';
import { lockNotice, type NoticeUpdate, updateNotice } from '../notices.repository.ts';
import type { CreateNoticeBody, UpdateNoticeBody } from '../notices.schemas.ts';
import { type LoadedNotice, loadNoticeFor, presentForStaff, todayOf, withAttachments } from './load-notice.ts';
import { defaultIssuer, placeToPublish } from './publisher.ts';
import { announceIfDue } from './announce-notice.ts';

/** The notice as its publisher sees it after a change, with attachments and read counts. */
export async function staffView(tx: Tx, ctx: Ctx, loaded: LoadedNotice) {
  const attachments = await withAttachments(tx, [loaded.row]);
  return presentForStaff(ctx, loaded.row, attachments, await countResidentAccountsUnder(tx, loaded.row.place_path));
}

const checkValidity = (from: string, until: string | null | undefined) => {
  if (until && until < from) throw NoticeErrors.VALIDITY_ORDER();
};

/** Saves a new notice as a draft, or publishes it at once. */
export async function createNotice(ctx: Ctx, input: CreateNoticeBody) {
  return write(ctx, async (tx) => {
    const { place, kind } = await placeToPublish(tx, ctx.actor, input.placeId);
    const now = ctx.kernel.clock.now();
    const validFrom = input.validFrom ?? todayOf(ctx);
    checkValidity(validFrom, input.validUntil);
    const id = newId();
    await tx
      .insertInto('ntc_notices')
      .values({
        street_id: streetOf(place),
        id,
        place_id: place.id,
        category: input.category,
        title: input.title,
        body: input.body,
        issuer: input.issuer ?? (await defaultIssuer(tx, ctx.actor, place, kind)),
        publisher_kind: kind,
        status: input.publish ? 'published' : 'draft',
        pinned: input.pinned,
        valid_from: validFrom,
        valid_until: input.validUntil ?? null,
        created_by: ctx.actor.accountId,
        created_by_name: ctx.actor.name,
        created_at: now,
        updated_at: now,
        ...(input.publish ? { published_at: now, published_by: ctx.actor.accountId, published_by_name: ctx.actor.name } : {}),
      })
      .execute();
    const loaded = await loadNoticeFor(tx, ctx, id);
    await announceIfDue(tx, ctx, loaded.row);
    await audit(tx, ctx, {
      action: input.publish ? 'notices.notice.published' : 'notices.notice.created',
      placeId: place.id,
      subjectType: 'notice',
      subjectId: id,
      after: loaded.row,
      detail: { category: input.category, publisherKind: kind },
    });
    return staffView(tx, ctx, loaded);
  });
}

interface Change {
  action: string;
  check?: (n: LoadedNotice) => void | Promise<void>;
  patch: (n: LoadedNotice, now: Date, tx: Tx) => NoticeUpdate | Promise<NoticeUpdate>;
  detail?: Record<string, unknown>;
}

/** One change to a notice the actor manages: lock, load (404 when invisible, 403 when not theirs), check, write, audit. */
export async function changeNotice(ctx: Ctx, id: string, change: Change) {
  return write(ctx, async (tx) => {
    if (!(await lockNotice(tx, id))) throw NoticeErrors.NOTICE_NOT_FOUND();
    const before = await loadNoticeFor(tx, ctx, id);
    if (!before.staff || !mayManage(ctx.actor, before.row.publisher_kind, before.row.place_path)) throw CommonErrors.FORBIDDEN();
    if (before.row.status === 'withdrawn') throw NoticeErrors.WITHDRAWN();
    await change.check?.(before);
    const now = ctx.kernel.clock.now();
    await updateNotice(tx, id, { ...(await change.patch(before, now, tx)), updated_at: now });
    const after = await loadNoticeFor(tx, ctx, id);
    // Published (or moved to a valid day) and not yet told: the residents hear of it now.
    await announceIfDue(tx, ctx, after.row);
    await audit(tx, ctx, {
      action: change.action,
      placeId: after.row.place_id,
      subjectType: 'notice',
      subjectId: id,
      before: before.row,
      after: after.row,
      detail: change.detail,
    });
    return staffView(tx, ctx, after);
  });
}

/** Edits a notice: everything while a draft; after publication its place stays (withdraw and republish instead). */
export function updateNoticeContent(ctx: Ctx, id: string, input: UpdateNoticeBody) {
  return changeNotice(ctx, id, {
    action: 'notices.notice.updated',
    detail: { fields: Object.keys(input) },
    check: (n) => {
      if (input.placeId && input.placeId !== n.row.place_id && n.row.status !== 'draft') throw NoticeErrors.PLACE_FIXED();
      checkValidity(input.validFrom ?? n.row.valid_from, input.validUntil === undefined ? n.row.valid_until : input.validUntil);
    },
    patch: async (n, _now, tx) => {
      const patch: NoticeUpdate = {
        category: input.category,
        title: input.title,
        body: input.body,
        issuer: input.issuer,
        pinned: input.pinned,
        valid_from: input.validFrom,
        valid_until: input.validUntil,
      };
      if (input.placeId && input.placeId !== n.row.place_id) {
        const { place, kind } = await placeToPublish(tx, ctx.actor, input.placeId);
        patch.place_id = place.id;
        patch.publisher_kind = kind;
      }
      return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as NoticeUpdate;
    },
  });
}

/** Publishes a draft: residents under its place see it from its first valid day. */
export function publishNotice(ctx: Ctx, id: string) {
  return changeNotice(ctx, id, {
    action: 'notices.notice.published',
    check: (n) => {
      if (n.row.status !== 'draft') throw NoticeErrors.ALREADY_PUBLISHED();
    },
    patch: (_n, now) => ({ status: 'published', published_at: now, published_by: ctx.actor.accountId, published_by_name: ctx.actor.name }),
  });
}

/** Withdraws a published notice with a reason: residents no longer see it; staff keep the record. */
export function withdrawNotice(ctx: Ctx, id: string, reason: string) {
  return changeNotice(ctx, id, {
    action: 'notices.notice.withdrawn',
    check: (n) => {
      if (n.row.status !== 'published') throw NoticeErrors.NOT_PUBLISHED();
    },
    patch: (_n, now) => ({
      status: 'withdrawn',
      withdrawn_at: now,
      withdrawn_by: ctx.actor.accountId,
      withdrawn_by_name: ctx.actor.name,
      withdraw_reason: reason,
    }),
  });
}
