import { type Actor, isSystem } from '../../../kernel/access/index.ts';
import { notify } from '../../../kernel/notify/notify.ts';
import { CATEGORY_NAMES, TOLD_EVENTS } from '../repairs.notifications.ts';
import { type Ctx, audit } from '../../../kernel/context.ts';
import { write, type Executor, type Tx } from '../repairs.db.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { type Action, canTransition, type Status } from '../repairs.constants.ts';
import { RepairErrors } from '../repairs.errors.ts';
import { allows, orderFilter, ownsOrder } from '../repairs.policy.ts';
import { insertEvent, type LoadedOrder, loadOrder } from '../repairs.repository.ts';

/** Status and action names for messages (the API's own codes stay English). */
export const STATUS_LABEL: Record<Status, { zh: string; en: string }> = {
  submitted: { zh: '待受理', en: 'waiting to be accepted' },
  accepted: { zh: '已受理', en: 'accepted' },
  dispatched: { zh: '已派单', en: 'dispatched' },
  in_progress: { zh: '处理中', en: 'in progress' },
  finished: { zh: '待评价', en: 'finished' },
  reopened: { zh: '待回复', en: 'reopened' },
  closed: { zh: '已办结', en: 'closed' },
  returned: { zh: '已退回', en: 'returned' },
  cancelled: { zh: '已撤回', en: 'withdrawn' },
};
const ACTION_LABEL: Record<Action, { zh: string; en: string }> = {
  accept: { zh: '受理', en: 'accepted' },
  dispatch: { zh: '派单', en: 'dispatched' },
  start: { zh: '开始处理', en: 'started' },
  finish: { zh: '完工', en: 'finished' },
  return: { zh: '退回', en: 'returned' },
  price: { zh: '设置有偿服务', en: 'priced' },
  rate: { zh: '评价', en: 'rated' },
  answer: { zh: '回复评价', en: 'answered' },
  cancel: { zh: '撤回', en: 'withdrawn' },
};

export const transitionRefused = (action: Action, status: Status) =>
  RepairErrors.TRANSITION_NOT_ALLOWED(
    { status: STATUS_LABEL[status].en, action: ACTION_LABEL[action].en, statusZh: STATUS_LABEL[status].zh, actionZh: ACTION_LABEL[action].zh },
    { status, action },
  );

/** True when the order passes the actor's row filter: the same rule for one order as for lists. */
export async function isVisible(db: Executor, actor: Actor, orderId: string): Promise<boolean> {
  const row = await db.selectFrom('rep_orders as o').select('o.id').where('o.id', '=', orderId).where(orderFilter(actor)).executeTakeFirst();
  return !!row;
}

/** Loads an order the actor may see (optionally locked for a change); anything else is "not found". */
export async function loadVisibleOrder(db: Executor, actor: Actor, id: string, forUpdate = false): Promise<LoadedOrder> {
  const order = await loadOrder(db, id, forUpdate);
  if (!order || !(await isVisible(db, actor, id))) throw RepairErrors.ORDER_NOT_FOUND();
  return order;
}

/** Whether the actor may take the action on this order, whatever its status. */
export function permitted(actor: Actor, action: Action, order: LoadedOrder): boolean {
  const path = order.place_path;
  switch (action) {
    case 'accept':
    case 'dispatch':
    case 'return':
    case 'price':
      return allows(actor, 'handle', path);
    case 'start':
    case 'finish':
      return allows(actor, 'workAny', path) || (order.assignee_id === actor.accountId && allows(actor, 'readOrders', path));
    case 'answer':
      return allows(actor, 'answer', path);
    case 'rate':
      return !!actor.personId && order.resident_person_id === actor.personId;
    case 'cancel':
      return ownsOrder(actor, order);
  }
}

const refusal = (action: Action) =>
  action === 'start' || action === 'finish'
    ? RepairErrors.NOT_ASSIGNEE()
    : action === 'rate' || action === 'cancel'
      ? RepairErrors.NOT_YOUR_ORDER()
      : CommonErrors.FORBIDDEN();

/** The actions the actor can take on the order now: the buttons the web shows. */
export const availableActions = (actor: Actor, order: LoadedOrder): Action[] =>
  (['accept', 'dispatch', 'start', 'finish', 'return', 'price', 'rate', 'answer', 'cancel'] as Action[]).filter(
    (a) => canTransition(a, order.status) && permitted(actor, a, order),
  );

export interface Change {
  /** The new status (omit to keep it). */
  to?: Status;
  note?: string | null;
  /** Small, non-personal facts for the timeline and the audit log. */
  detail?: Record<string, unknown>;
}

/**
 * One state change as one transaction: lock the order, check the actor may see it (404), may take
 * the action (403) and that its status allows it (409); apply; write the timeline event and the
 * audit entry. `apply` makes the change and says what it was.
 */
export async function changeOrder<T = void>(
  ctx: Ctx,
  id: string,
  action: Action,
  apply: (tx: Tx, order: LoadedOrder, now: Date) => Promise<Change & { result?: T }>,
): Promise<T | undefined> {
  return write(ctx, async (tx) => {
    const order = await loadVisibleOrder(tx, ctx.actor, id, true);
    if (!permitted(ctx.actor, action, order)) throw refusal(action);
    if (!canTransition(action, order.status)) throw transitionRefused(action, order.status);
    const now = ctx.kernel.clock.now();
    const change = await apply(tx, order, now);
    await recordChange(tx, ctx, order, now, action, change);
    return change.result;
  });
}

const EVENT_OF: Record<Action, string> = {
  accept: 'accepted',
  dispatch: 'dispatched',
  start: 'started',
  finish: 'finished',
  return: 'returned',
  price: 'priced',
  rate: 'rated',
  answer: 'answered',
  cancel: 'cancelled',
};

/** The timeline event and the audit entry of a change, in the change's transaction. */
export async function recordChange(tx: Tx, ctx: Ctx, order: LoadedOrder, now: Date, action: Action | string, change: Change) {
  const event = EVENT_OF[action as Action] ?? action;
  await insertEvent(tx, {
    streetId: order.street_id,
    orderId: order.id,
    placeId: order.place_id,
    at: now,
    actorId: isSystem(ctx.actor) ? null : ctx.actor.accountId,
    actorName: ctx.actor.name,
    action: event,
    from: order.status,
    to: change.to ?? order.status,
    note: change.note ?? null,
    detail: change.detail,
  });
  const after = await loadOrder(tx, order.id);
  await audit(tx, ctx, {
    action: `repairs.order.${event}`,
    placeId: order.place_id,
    subjectType: 'repair_order',
    subjectId: order.id,
    before: order,
    after,
    detail: { no: order.no, from: order.status, to: change.to ?? order.status, ...change.detail },
  });
  await tellResident(tx, ctx, order, event, change.detail);
}

/**
 * The resident hears how their order moves (inbox, and WeChat if allowed); the residents' committee
 * hears of an escalation. A change the resident made themselves (rating, cancelling) is not echoed.
 */
async function tellResident(tx: Tx, ctx: Ctx, order: LoadedOrder, event: string, detail: Record<string, unknown> | undefined) {
  const category = CATEGORY_NAMES[order.category];
  const base = { no: order.no, orderId: order.id, categoryZh: category.zh, categoryEn: category.en };
  if (event === 'escalated') {
    const missedResponse = detail?.kind === 'response';
    const compound = await tx.selectFrom('street_places').select('name').where('street_id', '=', order.street_id).where('id', '=', order.compound_id).executeTakeFirst();
    await notify(tx, ctx, {
      template: 'repairs.escalated',
      placeId: order.compound_id,
      to: { roles: ['community_secretary', 'committee_staff'] },
      data: {
        ...base,
        compound: compound?.name ?? '',
        kindZh: missedResponse ? '超过响应时限未受理' : '超过办结时限未完成',
        kindEn: missedResponse ? 'was not accepted in time' : 'was not finished in time',
      },
      subject: { type: 'repair_order', id: order.id },
    });
    return;
  }
  const told = TOLD_EVENTS[event];
  if (!told || !order.resident_person_id || order.resident_person_id === ctx.actor.personId) return;
  await notify(tx, ctx, {
    template: 'repairs.progress',
    placeId: order.place_id,
    to: { persons: [order.resident_person_id] },
    data: { ...base, eventZh: told.zh, eventEn: told.en },
    subject: { type: 'repair_order', id: order.id },
  });
}
