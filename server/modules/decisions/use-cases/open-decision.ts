import { requestApproval } from '../../../kernel/approvals/approvals.ts';
import { chinaDay } from '../../../kernel/clock.ts';
import { type Ctx, audit } from '../../../kernel/context.ts';
import type { Tx } from '../decisions.db.ts';
import { write } from '../decisions.db.ts';
import { DecisionsErrors } from '../decisions.errors.ts';
import { pendingApproval } from '../decisions.repository.ts';
import { decisionFor, wrongStatus } from './decision-access.ts';
import { notifyOwners } from './notify-owners.ts';
import { assertBallotIsApprovedCandidates } from './place-candidates.ts';
import { rulesInForce } from './rules-in-force.ts';
import { sealManifest } from './seal-manifest.ts';

export const OPEN_DECISION = 'decisions.open';
const DAY_MS = 24 * 60 * 60_000;

/**
 * Asks a second approver to open voting. Refused until the roll has been public for the notice period of the
 * rules in force (DEFAULT_RULES: 15 days, 物业管理条例 art. 13), and while another request waits.
 */
export async function requestOpen(ctx: Ctx, id: string) {
  return write(ctx, async (tx) => {
    const d = await decisionFor(tx, ctx.actor, id, 'organise', { forUpdate: true, status: ['roll_published'] });
    if (await pendingApproval(tx, d.street_id, d.id)) throw DecisionsErrors.APPROVAL_PENDING();
    await assertBallotIsApprovedCandidates(tx, d);
    const rules = await rulesInForce(tx, d.street_id, d.compound_id);
    const from = new Date(d.roll_published_at!.getTime() + rules.settings.noticeDays.value * DAY_MS);
    if (ctx.kernel.clock.now() < from) throw DecisionsErrors.NOTICE_PERIOD({ days: rules.settings.noticeDays.value, from: chinaDay(from) });
    const approval = await requestApproval(tx, ctx, {
      kind: OPEN_DECISION,
      placeId: d.place_id,
      summary: `开始表决：${d.title}（${d.place_label}，${d.total_heads} 户、${(d.total_area_centi ?? 0) / 100} m²，表决期 ${rules.settings.votingDays.value} 天）`,
      payload: { decisionId: d.id },
    });
    await audit(tx, ctx, { action: 'decisions.decision.open_requested', placeId: d.place_id, subjectType: 'decision', subjectId: d.id, detail: { approvalId: approval.approvalId } });
    return { id: d.id, approvalId: approval.approvalId, status: 'pending' as const };
  });
}

/**
 * The second approver's "yes": voting opens now and closes after the rules' voting period. The rules in force
 * are copied onto the decision whole — what the owners vote under cannot change while they vote.
 */
export async function applyOpen(tx: Tx, ctx: Ctx, payload: { decisionId: string }) {
  const d = await decisionFor(tx, ctx.actor, payload.decisionId, 'approve', { forUpdate: true });
  if (d.status !== 'roll_published') throw wrongStatus(d.status);
  // A candidate rejected or withdrawn while the request waited keeps the election shut.
  await assertBallotIsApprovedCandidates(tx, d);
  const rules = await rulesInForce(tx, d.street_id, d.compound_id);
  const now = ctx.kernel.clock.now();
  const closesAt = new Date(now.getTime() + rules.settings.votingDays.value * DAY_MS);
  const copy = { id: rules.id, version: rules.version, title: rules.title, settings: rules.settings };
  await tx
    .updateTable('dec_decisions')
    .set({ status: 'open', opens_at: now, closes_at: closesAt, voting_days: rules.settings.votingDays.value, rules_id: rules.id, rules: JSON.stringify(copy), updated_at: now })
    .where('street_id', '=', d.street_id)
    .where('id', '=', d.id)
    .execute();
  const { manifestHash } = await sealManifest(tx, d, { rules: rules.settings, opensAt: now, closesAt });
  await audit(tx, ctx, {
    action: 'decisions.decision.opened',
    placeId: d.place_id,
    subjectType: 'decision',
    subjectId: d.id,
    before: { status: d.status },
    after: { status: 'open', closesAt: closesAt.toISOString(), rulesVersion: rules.version, rollVersion: d.roll_version, manifestHash },
  });
  await notifyOwners(tx, ctx, d, 'decisions.opened', { until: chinaDay(closesAt) }, ['inbox', 'sms', 'wechat']);
  return { id: d.id, status: 'open' as const, closesAt };
}
