import { deflateSync, crc32 } from 'node:zlib';
import type { Kernel } from '../../kernel/context.ts';
import type { DemoSeedContext } from '../../kernel/demo-seed.ts';
import { chinaDay } from '../../kernel/clock.ts';
import { cjkDocument } from '../../kernel/pdf/document.ts';
import { decisionsAt } from '../decisions/index.ts';
import { answerOpinion } from '../opinions/index.ts';
import { DEMO_STREET } from '../registry/index.ts';
import type { BookLineBody } from './fees.books.schemas.ts';
import { read } from './fees.db.ts';
import { addBookLine } from './use-cases/add-book-line.ts';
import { attachBookVoucher } from './use-cases/attach-book-voucher.ts';
import { confirmBookStatement } from './use-cases/confirm-book-statement.ts';
import { createBookStatement } from './use-cases/create-book-statement.ts';
import { getBookStatement } from './use-cases/get-book-statement.ts';
import { publishBookStatement } from './use-cases/publish-book-statement.ts';
import { questionBookLine } from './use-cases/question-book-line.ts';
import { setBookAccount } from './use-cases/set-book-account.ts';

/** A small PNG (an invoice photo's stand-in): a paper-coloured slip with ruled lines and a red stamp, made without a canvas. */
export function voucherPng(seed: number, width = 240, height = 160): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    raw[row] = 0;
    for (let x = 0; x < width; x++) {
      let [r, g, b] = [250, 247, 238];
      if (y % 18 === 0 && x > 12 && x < width - 12) [r, g, b] = [170, 170, 190];
      if (y > 20 && y < 26 && x > 30 && x < 30 + ((seed * 37) % 120) + 40) [r, g, b] = [60, 60, 70];
      const dx = x - (width - 50);
      const dy = y - (height - 45);
      const d = dx * dx + dy * dy;
      if (d < 900 && d > 700) [r, g, b] = [210, 40, 40];
      const i = row + 1 + x * 3;
      raw[i] = r;
      raw[i + 1] = g;
      raw[i + 2] = b;
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body) >>> 0);
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/** A one-page invoice PDF (a stand-in for a scanned 发票): seller, what, amount — no person's data. */
async function voucherPdf(seller: string, what: string, fen: number, day: string): Promise<Buffer> {
  const { doc, bytes } = cjkDocument({ size: 'A6', layout: 'landscape', margins: { top: 24, bottom: 24, left: 24, right: 24 } });
  doc.fontSize(14).fillColor('#b22222').text('增值税普通发票（示例）', { align: 'center' });
  doc.moveDown(0.5).fontSize(10).fillColor('black').text(`销售方：${seller}`).text(`项目：${what}`).text(`金额：¥${(fen / 100).toFixed(2)}`).text(`开票日期：${day}`);
  doc.end();
  return bytes;
}

const monthBefore = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
};

/**
 * The books part of the demo, after the payments part: 阳光花园's contract pays the company 10% of the month's
 * income; last month's statement — twelve lines with vouchers, the fees line from the demo's payments — is
 * confirmed by the owners' committee (yeweihui) and the company (wuye) and published; an owner (13800000001)
 * questioned the repairs line and the committee answered in public; this month's statement is a draft. A no-op
 * once it ran, or without the demo street.
 */
export async function seedBooks(kernel: Kernel, demo: DemoSeedContext) {
  const compound = demo.get(DEMO_STREET)?.compounds.find((c) => c.name === '阳光花园');
  const [committee, manager, staff, owner] = [await demo.as('yeweihui'), await demo.as('wuye'), await demo.as('wuyestaff'), await demo.as('13800000001')];
  if (!compound || !committee || !manager || !staff) return { skipped: 'no demo street' };
  const db = read(kernel);
  if (await db.selectFrom('fee_book_statements').select('id').where('compound_id', '=', compound.id).executeTakeFirst()) return { skipped: 'seeded already' };
  const rng = demo.random(19_003);
  const thisMonth = chinaDay(demo.now).slice(0, 7);
  const lastMonth = monthBefore(thisMonth);
  const contractNo = 'YGHY-WF-2024-001';
  await setBookAccount(committee, compound.id, { mode: 'share_bp', shareBp: 1000, contractNo });

  const last = await createBookStatement(staff, { compoundId: compound.id, month: lastMonth });
  const fees = (await getBookStatement(staff, last.id)).incomeFen;
  // Expenses in proportion to the month's income, as a compound's books usually run (a small surplus).
  const base = Math.max(fees, 8_000_000);
  const share = (pct: number) => Math.round((base * pct) / 100 / 100) * 100 + rng.int(0, 99) * 100;
  const passed = (await decisionsAt(db, compound.id)).find((d) => d.outcome === 'passed');
  const day = (d: number) => `${lastMonth}-${String(d).padStart(2, '0')}`;
  const contract = (ref: string) => ({ basisKind: 'contract' as const, basisRef: ref });
  const lines: (BookLineBody & { voucher: 'png' | 'pdf' })[] = [
    { direction: 'income', category: 'parking', amountFen: 86 * 15_000, counterparty: '本小区车主（月租车位 86 个）', counterpartyKind: 'organisation', description: '地面月租车位租金', occurredOn: day(5), ...contract('YGHY-TC-2024-003'), voucher: 'png' },
    { direction: 'income', category: 'advertising', amountFen: 360_000, counterparty: '衢州楼宇传媒有限公司', counterpartyKind: 'organisation', description: '电梯轿厢广告位 12 个月费', occurredOn: day(8), ...contract('YGHY-GG-2025-011'), voucher: 'png' },
    { direction: 'income', category: 'rent', amountFen: 80_000, counterparty: '王秀英', counterpartyKind: 'person', description: '1 栋架空层便民修鞋摊位租金', occurredOn: day(10), ...contract('YGHY-ZL-2025-004'), voucher: 'png' },
    { direction: 'expense', category: 'labour', amountFen: share(38), counterparty: '阳光花园物业服务中心（工资代发）', counterpartyKind: 'organisation', description: '项目人员工资及社保（14 人）', occurredOn: day(15), ...contract(contractNo), voucher: 'pdf' },
    { direction: 'expense', category: 'cleaning', amountFen: share(11), counterparty: '衢州洁美保洁服务有限公司', counterpartyKind: 'organisation', description: '公共区域保洁外包月费', occurredOn: day(20), ...contract('YGHY-BJ-2025-002'), voucher: 'png' },
    { direction: 'expense', category: 'greening', amountFen: share(5), counterparty: '绿源园林工程有限公司', counterpartyKind: 'organisation', description: '绿化养护及冬季修剪', occurredOn: day(18), ...contract('YGHY-LH-2025-006'), voucher: 'png' },
    { direction: 'expense', category: 'security', amountFen: share(14), counterparty: '安泰保安服务有限公司', counterpartyKind: 'organisation', description: '秩序维护（门岗及夜间巡逻）', occurredOn: day(20), ...contract('YGHY-BA-2025-001'), voucher: 'pdf' },
    {
      direction: 'expense',
      category: 'repairs',
      amountFen: 468_000,
      counterparty: '李建国',
      counterpartyKind: 'person',
      description: '3 栋屋面防水局部修补（含材料）',
      occurredOn: day(12),
      ...(passed ? { basisKind: 'decision' as const, basisRef: passed.id } : contract(contractNo)),
      voucher: 'png',
    },
    { direction: 'expense', category: 'utilities', amountFen: share(6), counterparty: '国网衢州供电公司', counterpartyKind: 'organisation', description: '公共照明、电梯及水泵用电', occurredOn: day(25), ...contract(contractNo), voucher: 'png' },
    { direction: 'expense', category: 'other_expense', amountFen: 38_600, counterparty: '得力文具衢州店', counterpartyKind: 'organisation', description: '办公耗材及公示栏打印', occurredOn: day(26), ...contract(contractNo), voucher: 'png' },
  ];
  let repairsLine = '';
  for (const [i, { voucher, ...line }] of lines.entries()) {
    const added = await addBookLine(staff, last.id, line);
    if (line.category === 'repairs') repairsLine = added.id;
    const content = voucher === 'pdf' ? await voucherPdf(line.counterpartyKind === 'person' ? '（个人，已遮盖）' : line.counterparty, line.description, line.amountFen, line.occurredOn) : voucherPng(i + 1);
    await attachBookVoucher(staff, added.id, async () => ({ masked: 'true', upload: { filename: `凭证-${i + 1}.${voucher}`, mimetype: voucher === 'pdf' ? 'application/pdf' : 'image/png', content } }));
  }
  await confirmBookStatement(committee, last.id, 'committee');
  await confirmBookStatement(manager, last.id, 'company');
  await publishBookStatement(manager, last.id);
  const done: Record<string, unknown> = { published: last.id };
  if (owner && repairsLine) {
    const asked = await questionBookLine(owner, repairsLine, { body: '屋面修补 4680 元是否经过比价？施工后漏水是否已解决？' });
    await answerOpinion(committee, asked.opinionId, '本次修补经三家报价比选，选用报价最低者；完工后经两次降雨检查无渗漏，保修一年。报价单已随凭证公开。');
    done.question = asked.opinionId;
  }

  const draft = await createBookStatement(staff, { compoundId: compound.id, month: thisMonth });
  const today = chinaDay(demo.now);
  await addBookLine(staff, draft.id, { direction: 'income', category: 'parking', amountFen: 84 * 15_000, counterparty: '本小区车主（月租车位 84 个）', counterpartyKind: 'organisation', description: '地面月租车位租金', occurredOn: today, ...contract('YGHY-TC-2024-003') });
  const cleaning = await addBookLine(staff, draft.id, { direction: 'expense', category: 'cleaning', amountFen: share(11), counterparty: '衢州洁美保洁服务有限公司', counterpartyKind: 'organisation', description: '公共区域保洁外包月费', occurredOn: today, ...contract('YGHY-BJ-2025-002') });
  await attachBookVoucher(staff, cleaning.id, async () => ({ masked: 'true', upload: { filename: '保洁发票.png', mimetype: 'image/png', content: voucherPng(42) } }));
  done.draft = draft.id;
  return done;
}
