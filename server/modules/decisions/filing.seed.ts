import type { Ctx, Kernel } from '../../kernel/context.ts';
import type { DemoSeedContext } from '../../kernel/demo-seed.ts';
import { cjkDocument } from '../../kernel/pdf/document.ts';
import { read } from './decisions.db.ts';
import { acknowledgeFiling } from './use-cases/acknowledge-filing.ts';
import { returnFiling } from './use-cases/return-filing.ts';
import { submitFiling } from './use-cases/submit-filing.ts';

/** The demo decisions (decisions.seed.ts) whose filings this walks through; any other filed result stays pending. */
export const FILED_ELECTION = '选举产生第二届业主委员会';
/** The first committee elected on the platform (decisions.elections.seed.ts): filed with both offices, its members and their vetting in the package. */
export const FILED_COMMITTEE = '和园小区第一届业主委员会选举';
export const FILED_RESULT = '2026年续聘物业服务企业及使用维修资金更换3栋电梯';

/** A context whose clock stands at `when` (the demo's history happened days ago). */
const at = (ctx: Ctx, when: Date): Ctx => ({ ...ctx, kernel: { ...ctx.kernel, clock: { now: () => when } } });

/** The minutes of the owners' committee's meeting, as the scanned paper the committee uploads. */
async function minutesPdf(title: string): Promise<Buffer> {
  const { doc, bytes } = cjkDocument({ size: 'A5', margins: { top: 48, bottom: 48, left: 48, right: 48 } });
  doc.fontSize(16).text('阳光花园业主委员会会议记录', { align: 'center' }).moveDown(1).fontSize(11);
  for (const line of [`议题：${title}的结果及备案`, '出席委员：5人（全体）', '会议决定：按议事规则将表决结果及相关材料报送备案。', '记录人签名：__________    主任签名：__________']) doc.text(line).moveDown(0.8);
  doc.end();
  return bytes;
}

/**
 * The demo's filings (备案), through the use cases and back-dated: the published results the rules file were given
 * their filings when published; here the owners' committee (yeweihui) submits them and the street (street) and the
 * district housing department (bumen) answer. The older committee election: acknowledged by the street, returned once
 * by the housing department and acknowledged after the correction — so the compound's public page lists it. The
 * recent property-company decision: submitted to the street and waiting for its review, while its housing
 * department filing is past due, so the street's home flags it.
 */
export async function seedFilingsDemo(kernel: Kernel, demo: DemoSeedContext, organiser: Ctx, ago: (days: number, hours?: number) => Date): Promise<void> {
  const [street, housing] = [await demo.as('street'), await demo.as('bumen')];
  if (!street || !housing) return;
  const filings = await read(kernel)
    .selectFrom('dec_filings as f')
    .innerJoin('dec_decisions as d', (j) => j.onRef('d.street_id', '=', 'f.street_id').onRef('d.id', '=', 'f.decision_id'))
    .select(['f.id', 'f.office', 'f.decision_id', 'd.title', 'd.published_at'])
    .where('d.title', 'in', [FILED_ELECTION, FILED_RESULT, FILED_COMMITTEE])
    .orderBy('f.office')
    .execute();
  const submit = async (f: (typeof filings)[number], when: Date, note: string) =>
    submitFiling(at(organiser, when), f.decision_id, f.id, async () => ({
      fields: { note },
      upload: { filename: '业委会会议记录.pdf', mimetype: 'application/pdf', content: await minutesPdf(f.title) },
    }));
  for (const f of filings.filter((x) => x.title === FILED_ELECTION)) {
    const published = Math.round((demo.now.getTime() - f.published_at!.getTime()) / 86_400_000);
    const day = (after: number) => ago(Math.max(published - after, 1));
    await submit(f, day(5), '');
    if (f.office === 'street_office') {
      await acknowledgeFiling(at(street, day(8)), f.id, { note: '材料齐全，予以备案' });
    } else {
      await returnFiling(at(housing, day(9)), f.id, { reason: '缺少业主大会会议签到表，请补充后重新提交' });
      await submit(f, day(12), '已补充业主大会会议签到表');
      await acknowledgeFiling(at(housing, day(15)), f.id, { note: '' });
    }
  }
  // The residents' committee organised 和园小区's first election (it had no owners' committee yet), so it files it.
  const juweihui = await demo.as('juweihui');
  for (const f of juweihui ? filings.filter((x) => x.title === FILED_COMMITTEE) : []) {
    const published = Math.round((demo.now.getTime() - f.published_at!.getTime()) / 86_400_000);
    await submitFiling(at(juweihui!, ago(Math.max(published - 3, 1))), f.decision_id, f.id, async () => ({
      fields: { note: '' },
      upload: { filename: '业主大会会议记录.pdf', mimetype: 'application/pdf', content: await minutesPdf(f.title) },
    }));
    await acknowledgeFiling(at(f.office === 'street_office' ? street : housing, ago(Math.max(published - 6, 1))), f.id, { note: '材料齐全，予以备案' });
  }
  const waiting = filings.find((f) => f.title === FILED_RESULT && f.office === 'street_office');
  if (waiting) await submit(waiting, ago(2), '');
}
