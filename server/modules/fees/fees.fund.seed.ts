import { sql } from 'kysely';
import { chinaDay } from '../../kernel/clock.ts';
import type { Kernel } from '../../kernel/context.ts';
import type { DemoSeedContext } from '../../kernel/demo-seed.ts';
import { passedDecisionsAt } from '../decisions/index.ts';
import { DEMO_STREET, billingRoomsUnder } from '../registry/index.ts';
import { read } from './fees.db.ts';
import { FUND_KIND_ZH, type FundEntryKind } from './fees.fund.constants.ts';
import { dayBefore, previousQuarter, quarterSpan } from './fees.fund.repository.ts';
import { commitFundStatement, uploadFundStatement } from './use-cases/import-fund-statement.ts';
import { linkFundUse } from './use-cases/link-fund-use.ts';
import { publishFundQuarter } from './use-cases/publish-fund-quarter.ts';
import { fundStatementXlsx } from './use-cases/read-fund-statement.ts';
import { cjkDocument } from '../../kernel/pdf/document.ts';

const fmt = (fen: number) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;

/** The emergency procedure's certification, as the street would issue it (a one-page PDF). */
async function certificationPdf(lines: string[]): Promise<Buffer> {
  const { doc, bytes } = cjkDocument({ size: 'A4', margins: { top: 60, bottom: 60, left: 60, right: 60 }, info: { Title: '紧急使用维修资金认定书', Creator: 'Gongzhi 共治' } });
  doc.fontSize(16).text('住宅专项维修资金紧急使用认定书', { align: 'center' }).moveDown(1).fontSize(11);
  for (const l of lines) doc.text(l).moveDown(0.5);
  doc.end();
  return bytes;
}

/**
 * The fund part of the demo: the housing authority's statement for 安和街道's compounds, generated and imported
 * through the use cases as the street's official — each room's first deposit (首期交存) at delivery, the yearly
 * interest, a few deposits of the last quarter — and at 阳光花园 two uses: the elevator replacement the owners
 * decided (linked to the demo's passed decision) and an emergency repair of the fire pump with its procedure's
 * record; the last quarter published. A no-op once it ran.
 */
export async function seedFund(kernel: Kernel, demo: DemoSeedContext) {
  const street = demo.get(DEMO_STREET);
  const official = await demo.as('street');
  if (!street || !official) return { skipped: 'no demo street' };
  const db = read(kernel);
  if (await db.selectFrom('fee_fund_entries').select('id').where('street_id', '=', street.street.id).executeTakeFirst()) return { skipped: 'seeded already' };
  const today = chinaDay(kernel.clock.now());
  const lastQuarter = previousQuarter(today);
  const q = quarterSpan(lastQuarter);
  const rng = demo.random(52);

  const rows: (string | number)[][] = [];
  let serial = 0;
  const add = (day: string, compound: string, room: string, kind: FundEntryKind, fen: number, summary: string) =>
    rows.push([`AH${day.slice(0, 4)}${String(++serial).padStart(6, '0')}`, day, compound, room, FUND_KIND_ZH[kind], fmt(fen), '', summary]);
  const sunshine = street.compounds[0]!;
  for (const [i, compound] of street.compounds.entries()) {
    const rooms = await billingRoomsUnder(db, street.street.id, compound.path, today);
    const labels = new Map(
      (
        await db
          .selectFrom('street_places as r')
          .select(['r.id', sql<string>`(select string_agg(a.name, '' order by a.depth) from street_places a
              where a.id = any(string_to_array(trim(both '/' from r.path), '/')::uuid[]) and a.kind in ('building', 'unit', 'room'))`.as('label')])
          .where('r.kind', '=', 'room')
          .where('r.path', 'like', `${compound.path}%`)
          .execute()
      ).map((r) => [r.id, r.label]),
    );
    // 首期交存: residential 50 yuan/m², commercial 60 yuan/m² of the room's area, at delivery (or the compound's year).
    const baseYear = 2012 + i;
    const byYear = new Map<number, number>();
    for (const r of rooms) {
      if (r.use === 'parking' || !labels.get(r.roomId)) continue;
      const day = r.deliveredOn && r.deliveredOn < q.from ? r.deliveredOn : `${baseYear}-0${1 + (serial % 9)}-1${serial % 9}`;
      const fen = r.areaCenti * (r.use === 'commercial' ? 60 : 50);
      add(day, compound.name, labels.get(r.roomId)!, 'deposit', fen, '首期交存');
      const year = Number(day.slice(0, 4));
      byYear.set(year, (byYear.get(year) ?? 0) + fen);
    }
    // Interest each 21 December on the balance so far (0.35% a year, 活期), rounded down to the fen.
    let balance = 0;
    for (let year = Math.min(...byYear.keys(), baseYear); year < Number(today.slice(0, 4)); year++) {
      balance += byYear.get(year) ?? 0;
      const interest = Math.floor((balance * 35) / 10_000);
      balance += interest;
      if (interest > 0) add(`${year}-12-21`, compound.name, '', 'interest', interest, `${year}年度结息`);
    }
    // A few rooms' deposits in the last quarter: 续筹 paid by owners who sold or re-registered.
    const some = rooms.filter((r) => r.use === 'residential' && labels.get(r.roomId)).slice(0, rng.int(3, 6));
    for (const [k, r] of some.entries()) add(`${q.from.slice(0, 8)}${String(10 + k * 3)}`, compound.name, labels.get(r.roomId)!, 'deposit', r.areaCenti * 10, '续筹交存');
  }
  // 阳光花园's two uses: the emergency fire-pump repair in the last quarter, and the elevators the owners decided.
  const decision = (await passedDecisionsAt(db, sunshine.id)).find((d) => d.title.includes('电梯')) ?? (await passedDecisionsAt(db, sunshine.id))[0];
  const emergencyDay = `${q.from.slice(0, 5)}${String(Number(q.from.slice(5, 7)) + 1).padStart(2, '0')}-14`;
  add(emergencyDay, sunshine.name, '', 'use', 3_860_000, '消防水泵房主泵更换（紧急使用）');
  const decidedDay = decision ? chinaDay(decision.publishedAt) : null;
  const elevatorDay = decidedDay && decidedDay < today ? (dayBefore(today) > decidedDay ? dayBefore(today) : decidedDay) : null;
  if (decision && elevatorDay) add(elevatorDay, sunshine.name, '', 'use', 48_000_000, '3栋两部电梯更换（首期款）');

  const content = await fundStatementXlsx(rows);
  const uploaded = await uploadFundStatement(official, { placeId: street.street.id, fileName: `安和街道维修资金对账单-${today}.xlsx`, content });
  if (uploaded.report.errors.length) return { skipped: 'statement errors', errors: uploaded.report.errors.slice(0, 3) };
  const committed = await commitFundStatement(official, uploaded.id);

  const uses = await db.selectFrom('fee_fund_entries').select(['id', 'summary']).where('compound_id', '=', sunshine.id).where('kind', '=', 'use').execute();
  const emergency = uses.find((u) => u.summary.includes('消防'));
  if (emergency) {
    const pdf = await certificationPdf([
      `${sunshine.name}消防水泵房主泵于 ${emergencyDay} 前一周运行中烧毁，备用泵无法单独满足消防供水要求，危及小区消防安全。`,
      '经安和街道办事处会同区住房和城乡建设局现场查勘，认定属于《住宅专项维修资金管理办法》规定的危及房屋安全的紧急情况，',
      '同意由物业服务企业组织立即更换，费用从小区专项维修资金中列支，事后向业主公示。',
      '认定单位：安和街道办事处、区住房和城乡建设局',
    ]);
    await linkFundUse(official, emergency.id, { kind: 'emergency', what: '消防水泵房主泵烧毁，备用泵不能满足消防供水，危及消防安全', day: dayBefore(emergencyDay), certifiedBy: '安和街道办事处、区住建局' }, { filename: '紧急使用认定书.pdf', mimetype: 'application/pdf', content: pdf });
  }
  const elevator = uses.find((u) => u.summary.includes('电梯'));
  if (elevator && decision) await linkFundUse(official, elevator.id, { kind: 'decision', decisionId: decision.id }, null);
  const published = await publishFundQuarter(official, { placeId: sunshine.id, quarter: lastQuarter });
  return { rows: rows.length, added: committed.report.added, published: published.quarter };
}
