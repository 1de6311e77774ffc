import { SYSTEM_ACTOR } from '../../kernel/access/index.ts';
import type { Ctx, Kernel } from '../../kernel/context.ts';
import type { DemoSeedContext } from '../../kernel/demo-seed.ts';
import { newId } from '../../kernel/ids.ts';
import { generatePayouts, previousPeriod } from '../../kernel/payouts/payouts.ts';
import { compoundServices, DEMO_STREET } from '../registry/index.ts';
import { read, write } from './supervision.db.ts';
import { COMPANY_SHARE_CAP_PERCENT, DEFAULT_STAR_MINIMUMS, DEFAULT_STAR_REWARDS, rewardFor, STARS_PAYOUT_KIND, starType } from './supervision.stars.constants.ts';
import { applyForStars } from './use-cases/apply-for-stars.ts';
import { assignStarAssessor } from './use-cases/assign-star-assessor.ts';
import { updateStarSettings } from './use-cases/update-star-settings.ts';
import { demoPhoto } from './supervision.sheets.seed.ts';
import { getInspection } from './use-cases/get-inspection.ts';
import { addInspectionFile } from './use-cases/inspection-files.ts';
import { saveInspectionItem } from './use-cases/save-inspection-item.ts';
import { startStarAssessment } from './use-cases/start-star-assessment.ts';

const DAY = 86_400_000;

/**
 * pinggu has started 阳光花园's scoring and filled in all but three indicators with their evidence — through the
 * sheets part's use cases, as the inspection page does — leaving the last points indicator that asks for a photo,
 * the last yes/no one that asks for a record and the last deduction one that asks for a photo: the e2e journey
 * fills those three on the laptop and submits (54 by hand would take the journey minutes).
 */
async function scoreMostOfTheSheet(assessor: Ctx, applicationId: string) {
  const { inspectionId } = await startStarAssessment(assessor, applicationId);
  const view = await getInspection(assessor, inspectionId);
  const indicators = view.sections.flatMap((s) => s.indicators);
  const last = (method: string, evidence: string) => indicators.filter((i) => i.method === method && i.evidence === evidence).at(-1)?.id;
  const leave = new Set([last('points', 'photo'), last('yes_no', 'document'), last('deduction', 'photo')]);
  const photo = demoPhoto(2);
  for (const ind of indicators) {
    if (leave.has(ind.id)) continue;
    // A deduction indicator needs no entry: no problem found is its full mark.
    if (ind.method === 'points') await saveInspectionItem(assessor, inspectionId, ind.id, { awardedCenti: ind.maxCenti });
    if (ind.method === 'yes_no') await saveInspectionItem(assessor, inspectionId, ind.id, { met: true });
    if (ind.evidence === 'none') continue;
    const kind = ind.evidence === 'document' ? 'document' : 'photo';
    await addInspectionFile(assessor, inspectionId, ind.id, async () => ({ upload: { filename: `${kind === 'photo' ? '现场' : '台账'}-${ind.code}.png`, mimetype: 'image/png', content: photo }, kind }));
  }
}

/**
 * The stars part of the demo: the street's settings (the default bands and rewards, the company's share at 30%);
 * last quarter's confirmed stars — 和园小区 ★4 (86.50, its 70,000.00 yuan reward allocated: the company 30%, the
 * owners' committee and the residents' committee the rest, and the quarter's payout statements generated) and 翠湖苑
 * ★2 (64.00, no reward: ★1 and ★2 carry none) — written as history; this quarter 阳光花园's application for ★4 by the
 * community's secretary, assigned to the third-party assessor `pinggu`, scoring started but NOT submitted (three
 * indicators left: the e2e journey fills them with their evidence and submits),
 * and 纺织厂宿舍's application waiting for an assessor (the street's to-do). A no-op once the settings exist.
 */
export async function seedStars(kernel: Kernel, demo: DemoSeedContext): Promise<{ skipped?: string; applications?: number; statements?: number }> {
  const street = demo.get(DEMO_STREET);
  const official = await demo.as('street');
  const secretary = await demo.as('shuji');
  const pinggu = demo.account('pinggu');
  if (!street || !official || !secretary || !pinggu) return { skipped: 'no demo street' };
  const streetId = street.street.id;
  if (await read(kernel).selectFrom('sup_star_settings').select('street_id').where('street_id', '=', streetId).executeTakeFirst()) return { skipped: 'seeded already' };
  await updateStarSettings(official, { streetId, minimums: DEFAULT_STAR_MINIMUMS, rewardsFen: DEFAULT_STAR_REWARDS, companyMaxPercent: COMPANY_SHARE_CAP_PERCENT });

  const last = previousPeriod('quarter', demo.now);
  const byName = (name: string) => street.compounds.find((c) => c.name === name);
  const heyuan = byName('和园小区');
  const cuihu = byName('翠湖苑');
  const system: Ctx = { kernel, actor: SYSTEM_ACTOR };
  const history = [
    { compound: heyuan, scoreCenti: 8650, stars: 4, applied: 6, confirmed: 40, allocated: 48 },
    { compound: cuihu, scoreCenti: 6400, stars: 2, applied: 10, confirmed: 45, allocated: null },
  ];
  await write(system, async (tx) => {
    for (const h of history) {
      if (!h.compound) continue;
      const at = (days: number) => new Date(last.start.getTime() + days * DAY);
      const id = newId();
      await tx
        .insertInto('sup_star_applications')
        .values({
          street_id: streetId,
          id,
          compound_id: h.compound.id,
          period: last.label,
          level: h.stars,
          stars_before: 0,
          status: 'confirmed',
          applicant_id: secretary.actor.accountId,
          applicant_name: secretary.actor.name,
          applied_at: at(h.applied),
          assessor_id: pinggu.id,
          assessor_name: pinggu.name,
          assigned_at: at(h.applied + 3),
          score_centi: h.scoreCenti,
          stars: h.stars,
          requested_by: official.actor.accountId,
          requested_at: at(h.confirmed - 2),
          confirmed_at: at(h.confirmed),
        })
        .execute();
      await tx
        .insertInto('sup_compound_stars')
        .values({ street_id: streetId, id: newId(), compound_id: h.compound.id, application_id: id, period: last.label, stars: h.stars, type: starType(h.stars), score_centi: h.scoreCenti, confirmed_at: at(h.confirmed), confirmed_by: null })
        .execute();
      const amount = rewardFor(0, h.stars, DEFAULT_STAR_REWARDS);
      if (amount === 0 || h.allocated === null) continue;
      const rewardId = newId();
      await tx
        .insertInto('sup_star_rewards')
        .values({ street_id: streetId, id: rewardId, application_id: id, compound_id: h.compound.id, from_stars: 0, to_stars: h.stars, amount_fen: amount, company_max_percent: COMPANY_SHARE_CAP_PERCENT, created_at: at(h.confirmed), allocated_at: at(h.allocated), allocated_by: official.actor.accountId })
        .execute();
      const services = await compoundServices(tx, h.compound.id);
      const company = Math.floor((amount * 30) / 100);
      const committee = services.ownersCommittee ? Math.floor((amount - company) * 0.6) : 0;
      const lines = [
        services.propertyCompany && { kind: 'property_company' as const, org: services.propertyCompany, fen: company, purpose: '物业服务提升奖励（楼道微改造、设施维护）' },
        services.ownersCommittee && { kind: 'owners_committee' as const, org: services.ownersCommittee, fen: committee, purpose: '小区公共环境提升、文明宣传' },
        services.residentsCommittee && { kind: 'residents_committee' as const, org: services.residentsCommittee, fen: amount - company - committee, purpose: '志愿服务与邻里活动' },
      ].filter((l) => !!l && l.fen > 0);
      for (const [i, l] of lines.entries()) {
        if (!l) continue;
        await tx
          .insertInto('sup_star_reward_lines')
          .values({ street_id: streetId, id: newId(), reward_id: rewardId, position: i + 1, recipient_kind: l.kind, organisation_id: l.org.id, recipient_name: l.org.name, amount_fen: l.fen, purpose: l.purpose })
          .execute();
      }
    }
  });
  const made = await generatePayouts(system, { kind: STARS_PAYOUT_KIND, streetId, period: last.label });

  // This quarter: 阳光花园 applies for ★4 and the street assigns pinggu (the e2e journey scores it); 纺织厂宿舍 waits.
  let applications = 0;
  const sunny = byName('阳光花园');
  const assessor = await demo.as('pinggu');
  if (sunny && assessor) {
    const a = await applyForStars(secretary, { compoundId: sunny.id, level: 4, note: '小区完成楼道整治和垃圾分类示范点建设，申请评定四星。' });
    await assignStarAssessor(official, a.id, { assessorId: pinggu.id });
    await scoreMostOfTheSheet(assessor, a.id);
    applications++;
  }
  const mill = byName('纺织厂宿舍');
  if (mill) {
    await applyForStars(secretary, { compoundId: mill.id, level: 3, note: '老旧小区改造完成，申请评定三星。' });
    applications++;
  }
  return { applications, statements: made.created };
}
