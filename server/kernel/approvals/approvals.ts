import { sql } from 'kysely';
import type { Tx } from '../db/index.ts';
import type { Role } from '../access/roles.ts';
import { can, holdsAny, scopePrefixes } from '../access/actor.ts';
import { placeInScope } from '../access/scope.ts';
import { findPlace, pathLabel, streetOf } from '../access/places.ts';
import { type Ctx, audit, write } from '../context.ts';
import { CommonErrors, defineErrors } from '../errors.ts';
import { newId } from '../ids.ts';
import type { StaffHomeSlice } from '../module.ts';
import { type NotificationTemplate, notify } from '../notify/notify.ts';
import { nullsLast, type Page, type PageQuery, offsetOf, type SortedBy, sortable } from '../pagination.ts';

/**
 * Second-approver workflow (分级审批). A module registers a handler per sensitive action; the
 * request stores the payload, and a different account with a grant at or above the place applies
 * it by approving, in one transaction with the audit entries.
 */
export interface ApprovalHandler {
  kind: string;
  /** Roles that may approve (and so may see the request). */
  approverRoles: readonly Role[];
  apply(tx: Tx, ctx: Ctx, payload: any): Promise<unknown>;
}

export const ApprovalErrors = defineErrors({
  APPROVAL_NOT_PENDING: [409, '该审批已处理', 'This approval has already been decided'],
  APPROVAL_SELF: [403, '不能审批自己提交的申请，需要另一位有权限的人员审批', 'You cannot approve your own request; a second approver is required'],
});

/** Approvers hear of a new request; the requester hears the decision (the kernel's templates). */
export const APPROVAL_NOTIFICATIONS: NotificationTemplate[] = [
  {
    key: 'kernel.approval_requested',
    label: { zh: '待我审批', en: 'Waiting for my approval' },
    title: { zh: '有一项申请待审批', en: 'A request waits for approval' },
    body: { zh: '{requestedBy} 提交：{summary}', en: '{requestedBy} asks: {summary}' },
    link: '/approvals?status=pending',
  },
  {
    key: 'kernel.approval_decided',
    label: { zh: '我的申请结果', en: 'Decisions on my requests' },
    title: { zh: '您的申请已{decisionZh}', en: 'Your request was {decisionEn}' },
    body: { zh: '{summary}', en: '{summary}' },
    link: '/approvals',
  },
];

const handlers = new Map<string, ApprovalHandler>();

export function registerApprovalHandler(handler: ApprovalHandler): void {
  handlers.set(handler.kind, handler);
}

/** Every role that approves something: who gets the approvals inbox. */
export const allApproverRoles = (): Role[] => [...new Set([...handlers.values()].flatMap((h) => h.approverRoles))];

/** Files a request for a second approver inside the caller's transaction. */
export async function requestApproval(
  tx: Tx,
  ctx: Ctx,
  input: { kind: string; placeId: string; summary: string; payload: unknown },
): Promise<{ approvalId: string; status: 'pending' }> {
  if (!handlers.has(input.kind)) throw new Error(`No approval handler for ${input.kind}`);
  const id = newId();
  const place = await findPlace(tx, input.placeId);
  if (!place) throw new Error(`No place ${input.placeId}`);
  await tx
    .insertInto('approvals')
    .values({
      street_id: streetOf(place),
      id,
      kind: input.kind,
      place_id: input.placeId,
      summary: input.summary,
      payload: JSON.stringify(input.payload),
      requested_by: ctx.actor.accountId,
      requested_at: ctx.kernel.clock.now(),
    })
    .execute();
  await audit(tx, ctx, {
    action: 'approval.requested',
    placeId: input.placeId,
    subjectType: 'approval',
    subjectId: id,
    detail: { kind: input.kind },
    after: input.payload,
  });
  await notify(tx, ctx, {
    template: 'kernel.approval_requested',
    placeId: input.placeId,
    to: { roles: handlers.get(input.kind)!.approverRoles },
    data: { summary: input.summary, requestedBy: ctx.actor.name },
    subject: { type: 'approval', id },
  });
  return { approvalId: id, status: 'pending' };
}

export async function decideApproval(ctx: Ctx, id: string, decision: 'approve' | 'reject', note?: string) {
  return write(ctx, async (tx) => {
    const row = await tx.selectFrom('approvals').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!row) throw CommonErrors.NOT_FOUND({ what: ctx.actor.locale === 'en' ? 'approval' : '审批' });
    const handler = handlers.get(row.kind);
    const place = await findPlace(tx, row.place_id);
    if (!handler || !place || !can(ctx.actor, handler.approverRoles, place.path)) throw CommonErrors.FORBIDDEN();
    if (row.status !== 'pending') throw ApprovalErrors.APPROVAL_NOT_PENDING();
    if (row.requested_by === ctx.actor.accountId) throw ApprovalErrors.APPROVAL_SELF();
    const payload = typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload;
    const result = decision === 'approve' ? await handler.apply(tx, ctx, payload) : null;
    await tx
      .updateTable('approvals')
      .set({
        status: decision === 'approve' ? 'approved' : 'rejected',
        decided_by: ctx.actor.accountId,
        decided_at: ctx.kernel.clock.now(),
        decision_note: note ?? null,
        result: result === null || result === undefined ? null : JSON.stringify(result),
      })
      .where('id', '=', id)
      .execute();
    await audit(tx, ctx, {
      action: decision === 'approve' ? 'approval.approved' : 'approval.rejected',
      placeId: row.place_id,
      subjectType: 'approval',
      subjectId: id,
      detail: { kind: row.kind },
    });
    await notify(tx, ctx, {
      template: 'kernel.approval_decided',
      placeId: row.place_id,
      to: { accounts: [row.requested_by] },
      data: { summary: row.summary, decisionZh: decision === 'approve' ? '批准' : '驳回', decisionEn: decision === 'approve' ? 'approved' : 'rejected' },
      subject: { type: 'approval', id },
    });
    return { id, status: decision === 'approve' ? 'approved' : 'rejected', result };
  });
}

/** Requests sort by when they were filed (newest first by default), kind, status or when they were decided. */
export const ApprovalsSort = sortable(
  { requestedAt: 'approvals.requested_at', kind: 'approvals.kind', status: 'approvals.status', decidedAt: nullsLast('approvals.decided_at') },
  { sort: 'requestedAt', order: 'desc' },
  'approvals.id',
);

export async function listApprovals(
  ctx: Ctx,
  q: PageQuery & SortedBy<typeof ApprovalsSort> & { status?: 'pending' | 'approved' | 'rejected' },
): Promise<Page<unknown>> {
  const base = ctx.kernel.db
    .selectFrom('approvals')
    .leftJoin('accounts as r', 'r.id', 'approvals.requested_by')
    .leftJoin('accounts as d', 'd.id', 'approvals.decided_by')
    .leftJoin('places', 'places.id', 'approvals.place_id')
    .where((eb) =>
      eb.or([
        placeInScope(sql.ref('approvals.place_id'), scopePrefixes(ctx.actor, allApproverRoles())),
        eb('approvals.requested_by', '=', ctx.actor.accountId),
      ]),
    )
    .$if(!!q.status, (qb) => qb.where('approvals.status', '=', q.status!));
  const [items, total] = await Promise.all([
    ApprovalsSort.orderBy(base, q)
      .select([
        'approvals.id',
        'approvals.kind',
        'approvals.place_id as placeId',
        'places.name as placeName',
        pathLabel('places.path', ['community', 'compound', 'building', 'unit', 'room']).as('placeLabel'),
        'approvals.summary',
        'approvals.status',
        'approvals.requested_at as requestedAt',
        'r.display_name as requestedBy',
        'approvals.requested_by as requestedById',
        'd.display_name as decidedBy',
        'approvals.decided_at as decidedAt',
        'approvals.decision_note as decisionNote',
      ])
      .limit(q.pageSize)
      .offset(offsetOf(q))
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: total.n, page: q.page, pageSize: q.pageSize, sort: q.sort ?? ApprovalsSort.defaults.sort, order: q.order ?? ApprovalsSort.defaults.order };
}

/** The workbench home's to-do for approvers: requests still waiting, as the approvals list shows them. */
export async function approvalsStaffHome(ctx: Ctx): Promise<StaffHomeSlice> {
  if (!holdsAny(ctx.actor, allApproverRoles())) return {};
  const pending = await listApprovals(ctx, { page: 1, pageSize: 1, status: 'pending' });
  return { todos: [{ key: 'approvals', count: pending.total, link: '/approvals?status=pending' }] };
}
