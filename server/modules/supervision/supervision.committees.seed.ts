import type { Kernel } from '../../kernel/context.ts';
import type { DemoSeedContext } from '../../kernel/demo-seed.ts';
import { DEMO_STREET, organisationsOfKind } from '../registry/index.ts';
import { COMMITTEE_DIMENSIONS, type CommitteeDimension, DEFAULT_COMMITTEE_WEIGHTS, DEFAULT_STAR_MINS } from './supervision.committees.constants.ts';
import { read } from './supervision.db.ts';
import { demoPhoto } from './supervision.sheets.seed.ts';
import { addCommitteeFile } from './use-cases/committee-rating-files.ts';
import { saveCommitteeScore } from './use-cases/save-committee-score.ts';
import { chinaYear, startCommitteeRating } from './use-cases/start-committee-rating.ts';
import { submitCommitteeRating } from './use-cases/submit-committee-rating.ts';
import { updateCommitteeSettings } from './use-cases/update-committee-settings.ts';

const NOTES: Record<CommitteeDimension, string[]> = {
  party: ['业委会委员中党员占比过半，主任由小区党支部书记兼任', '每季度召开党支部、业委会、物业联席会议，有会议纪要', '党员志愿者认领楼栋，参与议事协商'],
  rules: ['业主大会议事规则、业委会工作规则已备案', '财务公开按季度张贴，公共收益台账清楚', '会议记录齐全，个别会议缺少签到'],
  effectiveness: ['完成电梯加装意见征集，推动 2 部电梯开工', '督促物业整改消防通道占用问题，已闭环', '维修资金使用程序规范，年内续筹完成'],
  evaluation: ['业主满意度调查 86% 满意', '年内无业主对业委会的有效投诉', '社区测评良好，居民反映沟通及时'],
  innovation: ['建立"红色议事角"，每月固定接待业主', '试行线上表决，参与率明显提高', '联合共建单位开展邻里节活动'],
};

/** The file a dimension's evidence is: a photo of the activity, or the scanned minutes for the rules. */
function evidenceFor(d: CommitteeDimension, year: string, hue: number) {
  return { filename: `${year}-${d}.png`, mimetype: 'image/png', content: demoPhoto(hue) };
}

/**
 * 红色业委会's part of the demo: the street's settings at the defaults (weights 25/20/25/20/10, ★5 ≥ 90, ★4 ≥ 80,
 * ★3 ≥ 70, ★2 ≥ 60), and every owners' committee of the demo street rated by 'street' for last year and this year,
 * each dimension with a note and a photo as evidence, at levels that give different stars in the two years. A
 * no-op once the settings exist.
 */
export async function seedCommittees(kernel: Kernel, demo: DemoSeedContext): Promise<{ skipped?: string; ratings?: number }> {
  const street = demo.get(DEMO_STREET);
  const official = await demo.as('street');
  if (!street || !official) return { skipped: 'no demo street' };
  if (await read(kernel).selectFrom('sup_committee_settings').select('street_id').where('street_id', '=', street.street.id).executeTakeFirst()) return { skipped: 'seeded already' };
  await updateCommitteeSettings(official, { streetId: street.street.id, weights: DEFAULT_COMMITTEE_WEIGHTS, starMins: DEFAULT_STAR_MINS });

  const rng = demo.random(2121);
  const committees = await organisationsOfKind(read(kernel), 'owners_committee', { streetId: street.street.id });
  // Levels (out of 100) for last year and this year, by the committees' order: each moves a star or two.
  const LEVELS: [number, number][] = [
    [77, 92],
    [84, 73],
    [66, 81],
    [58, 68],
  ];
  const thisYear = chinaYear(demo.now);
  let ratings = 0;
  for (const [i, c] of committees.entries()) {
    const levels = LEVELS[i % LEVELS.length]!;
    for (const [y, level] of levels.entries()) {
      const year = String(thisYear - 1 + y);
      const rating = await startCommitteeRating(official, { committeeId: c.id, period: year });
      for (const [k, d] of COMMITTEE_DIMENSIONS.entries()) {
        const score = Math.max(0, Math.min(100, level + rng.int(-4, 4)));
        await saveCommitteeScore(official, rating.id, d, { scoreCenti: Math.min(10000, score * 100 + rng.pick([0, 0, 50])), note: rng.pick(NOTES[d]) });
        await addCommitteeFile(official, rating.id, d, async () => evidenceFor(d, year, i * 10 + k + y * 5));
      }
      await submitCommitteeRating(official, rating.id);
      ratings++;
    }
  }
  return { ratings };
}
