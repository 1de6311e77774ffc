import type { Ctx } from '../../../kernel/context.ts';
import { compoundServices } from '../../registry/index.ts';
import { read } from '../supervision.db.ts';
import { allows } from '../supervision.policy.ts';
import { STAR_TYPE_ZH, type StarType, starForScore, starType } from '../supervision.stars.constants.ts';
import { starSettingsOf, visibleApplication } from '../supervision.stars.repository.ts';
import { civilityInspectionState } from './civility-inspection-state.ts';
import { starBands } from './update-star-settings.ts';

/**
 * One application as its page shows it: the compound, the level asked, the assessor, the inspection (its state
 * and, once submitted, its score with the star and type that score gives under the street's bands), the
 * confirmation's approval, the reward and its allocation, and what the actor can do now. The organisations the
 * reward may go to are listed for the street (who records the allocation).
 */
export async function getStarApplication(ctx: Ctx, id: string) {
  const db = read(ctx);
  const app = await visibleApplication(db, ctx, id);
  const settings = await starSettingsOf(db, app.street_id);
  const inspection = app.inspection_id ? ((await civilityInspectionState(db, app.street_id, app.inspection_id)) ?? null) : null;
  const scoreCenti = app.score_centi ?? (inspection?.status === 'submitted' ? inspection.scoreCenti : null);
  const stars = app.stars ?? (scoreCenti !== null ? starForScore(scoreCenti, settings.minimums) : null);
  const type: StarType | null = stars ? starType(stars) : null;
  const approval = app.approval_id
    ? ((await db
        .selectFrom('approvals as ap')
        .innerJoin('accounts as rq', 'rq.id', 'ap.requested_by')
        .leftJoin('accounts as dc', 'dc.id', 'ap.decided_by')
        .select(['ap.status', 'rq.display_name as requestedBy', 'dc.display_name as decidedBy', 'ap.decided_at as decidedAt', 'ap.decision_note as note'])
        .where('ap.street_id', '=', app.street_id)
        .where('ap.id', '=', app.approval_id)
        .executeTakeFirst()) ?? null)
    : null;
  const reward = await db.selectFrom('sup_star_rewards').selectAll().where('street_id', '=', app.street_id).where('application_id', '=', app.id).executeTakeFirst();
  const lines = reward
    ? await db
        .selectFrom('sup_star_reward_lines')
        .select(['id', 'position', 'recipient_kind as recipientKind', 'organisation_id as organisationId', 'recipient_name as recipientName', 'amount_fen as amountFen', 'purpose'])
        .where('street_id', '=', app.street_id)
        .where('reward_id', '=', reward.id)
        .orderBy('position')
        .execute()
    : [];
  const manages = allows(ctx.actor, 'starsManage', app.compoundPath);
  const isAssessor = app.assessor_id === ctx.actor.accountId && allows(ctx.actor, 'starsAssess', app.compoundPath);
  const services = manages && reward ? await compoundServices(db, app.compound_id) : null;
  const scored = inspection?.status === 'submitted';
  return {
    id: app.id,
    streetId: app.street_id,
    compoundId: app.compound_id,
    compoundName: app.compoundName,
    period: app.period,
    level: app.level,
    starsBefore: app.stars_before,
    note: app.note,
    status: app.status,
    applicantName: app.applicant_name,
    appliedAt: app.applied_at,
    assessorId: app.assessor_id,
    assessorName: app.assessor_name,
    assignedAt: app.assigned_at,
    inspection,
    scoreCenti,
    stars,
    type,
    typeZh: type ? STAR_TYPE_ZH[type] : null,
    bands: starBands(settings.minimums),
    approval,
    requestedAt: app.requested_at,
    confirmedAt: app.confirmed_at,
    reward: reward
      ? { id: reward.id, amountFen: Number(reward.amount_fen), fromStars: reward.from_stars, toStars: reward.to_stars, companyMaxPercent: reward.company_max_percent, allocatedAt: reward.allocated_at, lines: lines.map((l) => ({ ...l, amountFen: Number(l.amountFen) })) }
      : null,
    recipients: services
      ? [
          ...(services.propertyCompany ? [{ kind: 'property_company' as const, ...services.propertyCompany }] : []),
          ...(services.ownersCommittee ? [{ kind: 'owners_committee' as const, ...services.ownersCommittee }] : []),
          ...(services.residentsCommittee ? [{ kind: 'residents_committee' as const, ...services.residentsCommittee }] : []),
        ]
      : [],
    can: {
      assign: manages && (app.status === 'applied' || app.status === 'assigned'),
      assess: isAssessor && (app.status === 'assigned' || app.status === 'assessing') && !scored,
      confirm: manages && ((app.status === 'assessing' && scored) || (app.status === 'pending' && approval?.status === 'rejected')),
      allocate: manages && !!reward,
    },
  };
}
