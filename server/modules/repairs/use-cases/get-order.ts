import type { Ctx } from '../../../kernel/context.ts';
import { organisationNames } from '../../registry/index.ts';
import { allows } from '../repairs.policy.ts';
import { orderEscalations, orderEvents, orderPhotos, orderPlaceLabel } from '../repairs.repository.ts';
import { availableActions, loadVisibleOrder } from './order-access.ts';
import { read } from '../repairs.db.ts';

/** One order as its viewer sees it: the facts, photos, timeline, escalations and what they may do next. */
export async function getOrder(ctx: Ctx, id: string) {
  const db = read(ctx);
  const o = await loadVisibleOrder(db, ctx.actor, id);
  const [place, compound, companies, photos, events, escalations] = await Promise.all([
    orderPlaceLabel(db, o.place_id),
    orderPlaceLabel(db, o.compound_id),
    organisationNames(db, [o.company_id]),
    orderPhotos(db, o.id),
    orderEvents(db, o.id),
    orderEscalations(db, o.id),
  ]);
  return {
    id: o.id,
    no: o.no,
    category: o.category,
    status: o.status,
    channel: o.channel,
    description: o.description,
    place: { id: o.place_id, kind: place.kind, label: place.label },
    compound: { id: o.compound_id, name: compound.name },
    company: { id: o.company_id, name: companies.get(o.company_id) ?? null },
    contactName: o.contact_name,
    contactPhone: o.contact_phone_masked,
    reporterName: o.reporter_name,
    preferredDate: o.preferred_date,
    preferredPeriod: o.preferred_period,
    reportedAt: o.reported_at,
    respondBy: o.respond_by,
    completeBy: o.complete_by,
    acceptedAt: o.accepted_at,
    dispatchedAt: o.dispatched_at,
    startedAt: o.started_at,
    finishedAt: o.finished_at,
    finishNote: o.finish_note,
    closeBy: o.close_by,
    closedAt: o.closed_at,
    closeReason: o.close_reason,
    returnReason: o.return_reason,
    assignee: o.assignee_id ? { id: o.assignee_id, name: o.assignee_name } : null,
    paidService: o.paid_service,
    priceFen: o.price_fen,
    rating: o.rating,
    ratingComment: o.rating_comment,
    ratedAt: o.rated_at,
    overdue: o.overdue,
    photos: photos.map((p) => ({ ...p, url: `/api/repairs/photos/${p.id}` })),
    events,
    escalations,
    actions: availableActions(ctx.actor, o),
    can: {
      revealContact: !!o.contact_phone_enc && (allows(ctx.actor, 'revealContact', o.place_path) || o.assignee_id === ctx.actor.accountId),
      supervise: escalations.length > 0 && allows(ctx.actor, 'supervise', o.place_path),
    },
  };
}
export type OrderDetail = Awaited<ReturnType<typeof getOrder>>;
