import { decideApproval } from '../../kernel/approvals/approvals.ts';
import type { Kernel } from '../../kernel/context.ts';
import type { DemoSeedContext } from '../../kernel/demo-seed.ts';
import { DEMO_STREET } from '../registry/index.ts';
import { read } from './fees.db.ts';
import { moveArrearsCase, openArrearsCase } from './use-cases/arrears-cases.ts';
import { listArrearsRooms } from './use-cases/list-arrears-rooms.ts';
import { requestInvoice } from './use-cases/invoice-requests.ts';
import { sendReminders } from './use-cases/send-reminders.ts';
import { requestReceiptVoid } from './use-cases/void-receipt.ts';

/**
 * The arrears part of the demo, after the bills and payments parts: at 阳光花园 one reminder batch to the rooms
 * in arrears, an arrears case handed to a grid worker's visit and another to mediation, a tax-invoice request on a receipt, and a receipt
 * voided through the approval flow (wuyestaff asks, wuye approves). A no-op without bills, or once it ran.
 */
export async function seedArrears(kernel: Kernel, demo: DemoSeedContext) {
  const street = demo.get(DEMO_STREET);
  const compound = street?.compounds.find((c) => c.name === '阳光花园');
  const [manager, staff] = [await demo.as('wuye'), await demo.as('wuyestaff')];
  if (!compound || !manager || !staff) return { skipped: 'no demo street' };
  const db = read(kernel);
  if (await db.selectFrom('fee_reminder_batches').select('id').where('compound_id', '=', compound.id).executeTakeFirst()) return { skipped: 'seeded already' };
  const done: Record<string, unknown> = {};

  const rooms = await listArrearsRooms(manager, { placeId: compound.id, page: 1, pageSize: 5, sort: 'owed', order: 'desc' });
  if (rooms.items.length > 0) {
    done.batch = await sendReminders(manager, { placeId: compound.id, minBand: 'upTo3', channels: ['inbox', 'sms', 'wechat'] });
    const room = rooms.items[0]!;
    const opened = await openArrearsCase(manager, { roomId: room.roomId, note: '多次催缴未果，业主称对服务质量有异议' });
    await moveArrearsCase(manager, opened.id, 'visit', { note: '请网格员上门了解情况' });
    done.case = opened.id;
  }
  // A second room's case handed straight to mediation: the grid module's mediation demo takes it up.
  if (rooms.items.length > 1) {
    const second = await openArrearsCase(manager, { roomId: rooms.items[1]!.roomId, note: '业主以车库渗水未修为由拒缴' });
    await moveArrearsCase(manager, second.id, 'mediation', { note: '双方同意先行调解' });
    done.mediationCase = second.id;
  }

  const receipts = await db
    .selectFrom('fee_receipts')
    .select(['id'])
    .where('compound_id', '=', compound.id)
    .where('status', '=', 'valid')
    .orderBy('issued_at')
    .limit(2)
    .execute();
  if (receipts[0]) done.invoice = await requestInvoice(staff, receipts[0].id, { title: '张明远', email: 'zhang.mingyuan@example.com' });
  if (receipts[1]) {
    const asked = await requestReceiptVoid(staff, receipts[1].id, { reason: '收据信息录入有误，已重新开具' });
    await decideApproval(manager, asked.approvalId, 'approve', '核实无误，同意作废');
    done.voided = receipts[1].id;
  }
  return done;
}
