import { decideApproval } from '../../kernel/approvals/approvals.ts';
import { createAccount, grantRole } from '../../kernel/auth/accounts.ts';
import type { Kernel } from '../../kernel/context.ts';
import type { DemoSeedContext } from '../../kernel/demo-seed.ts';
import { periodContaining, previousPeriod } from '../../kernel/payouts/payouts.ts';
import { DEMO_STREET } from '../registry/index.ts';
import { DEFAULT_BANDS, DEFAULT_WEIGHTS } from './supervision.assessment.constants.ts';
import { read, write } from './supervision.db.ts';
import { computeAssessment } from './use-cases/compute-assessment.ts';
import { recordEvaluation } from './use-cases/record-evaluation.ts';
import { requestPublication } from './use-cases/request-publication.ts';
import { updateAssessmentSettings } from './use-cases/update-assessment-settings.ts';

const STREET_COMMENTS = ['日常巡查整改及时，台账齐全。', '消防通道偶有占用，需加强管理。', '垃圾分类督导到位，居民反映较好。', '公共设施维护一般，电梯维保记录不全。'];
const PARTY_COMMENTS = ['党建引领作用发挥较好，积极参与社区议事。', '红色物业创建推进中，党员示范岗需落实。', '配合社区开展志愿服务活动积极。'];

/**
 * The assessment's part of the demo, after the sheets and rectification parts and after fees, repairs and
 * deliberation seeded theirs: the street's settings at the defaults; the street's evaluations of every compound
 * with a company and the party organisation's of those in 阳光社区 (shuji's grant) for last quarter and this one, a
 * few left out so some scores are partial; last quarter computed and PUBLISHED — asked by 'street', approved by a
 * second street official 'street2' (a login this seed adds: the demo had one street official) — so 13800000001
 * sees 阳光花园's colour on the H5 home; this quarter computed as a draft. A no-op once the settings exist.
 */
export async function seedAssessment(kernel: Kernel, demo: DemoSeedContext): Promise<{ skipped?: string; published?: string; draft?: string }> {
  const street = demo.get(DEMO_STREET);
  const official = await demo.as('street');
  if (!street || !official) return { skipped: 'no demo street' };
  if (await read(kernel).selectFrom('sup_assessment_settings').select('street_id').where('street_id', '=', street.street.id).executeTakeFirst()) return { skipped: 'seeded already' };

  await updateAssessmentSettings(official, { streetId: street.street.id, weights: DEFAULT_WEIGHTS, bands: DEFAULT_BANDS });

  // The second approver: publishing takes two street officials (kernel approvals refuse the requester).
  await write(official, async (tx) => {
    const id = await createAccount(tx, kernel.pii, { username: 'street2', displayName: '周卫东', password: demo.password, passwordHash: demo.passwordHash });
    await grantRole(tx, id, 'street_official', street.street.id);
    demo.accounts.push({ id, login: 'street2', name: '周卫东', role: 'street_official', personId: null, placeIds: [street.street.id], place: street.street.name });
  });
  const second = (await demo.as('street2'))!;
  const secretary = await demo.as('shuji');

  const rng = demo.random(2020);
  const current = periodContaining('quarter', demo.now);
  const last = previousPeriod('quarter', demo.now);
  for (const period of [last.label, current.label]) {
    for (const c of street.compounds.filter((x) => x.propertyCompanyId)) {
      // 阳光花园 always has both (the resident's compound, the e2e's breakdown); elsewhere one in six is not yet evaluated.
      const sunny = c.name === '阳光花园';
      if (sunny || !rng.chance(1 / 6)) {
        await recordEvaluation(official, { compoundId: c.id, period, kind: 'street', scoreCenti: rng.int(72, 97) * 100 + rng.int(0, 1) * 50, comment: rng.pick(STREET_COMMENTS) });
      }
      if (secretary && c.communityId === street.communities[0]?.id && (sunny || rng.chance(0.8))) {
        await recordEvaluation(secretary, { compoundId: c.id, period, kind: 'party', scoreCenti: rng.int(75, 98) * 100, comment: rng.pick(PARTY_COMMENTS) });
      }
    }
  }

  await computeAssessment(official, { streetId: street.street.id, period: last.label });
  const { approvalId } = await requestPublication(official, { streetId: street.street.id, period: last.label });
  await decideApproval(second, approvalId, 'approve', '已核对各小区得分与依据，同意公布。');
  await computeAssessment(official, { streetId: street.street.id, period: current.label });
  return { published: last.label, draft: current.label };
}
