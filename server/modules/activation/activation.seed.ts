import { SYSTEM_ACTOR } from '../../kernel/access/index.ts';
import { createAccount } from '../../kernel/auth/accounts.ts';
import { type Ctx, type Kernel, write } from '../../kernel/context.ts';
import type { DemoSeedContext } from '../../kernel/demo-seed.ts';
import { DEMO_STREET } from '../registry/index.ts';
import { read } from './activation.db.ts';
import { claimRoom } from './use-cases/claim-room.ts';

/**
 * Room claims waiting for the residents' committee (居委会 → 居民激活 → 认领审核), made the way residents
 * make them: people who signed up and named a room the registry does not list them in yet — a tenant
 * who moved in last week, a relative looking after an elderly owner. A no-op when claims exist already.
 */
const CLAIMANTS = [
  { phone: '13900000101', name: '孙晓雯', room: ['1栋', '1单元', '301'] },
  { phone: '13900000102', name: '何志强', room: ['2栋', '1单元', '502'] },
  { phone: '13900000103', name: '郑丽娟', room: ['3栋', '1单元', '1001'] },
] as const;

export async function seedActivationDemo(kernel: Kernel, demo: DemoSeedContext): Promise<void> {
  const db = read(kernel);
  if (await db.selectFrom('act_claims').select('id').limit(1).executeTakeFirst()) return;
  const compound = demo.get(DEMO_STREET)?.compounds.find((c) => c.name === '阳光花园');
  if (!compound) return;
  for (const c of CLAIMANTS) {
    const room = await db
      .selectFrom('places as room')
      .innerJoin('places as unit', 'unit.id', 'room.parent_id')
      .innerJoin('places as building', 'building.id', 'unit.parent_id')
      .select('room.id')
      .where('building.parent_id', '=', compound.id)
      .where('building.name', '=', c.room[0])
      .where('unit.name', '=', c.room[1])
      .where('room.name', '=', c.room[2])
      .executeTakeFirst();
    if (!room) continue;
    const accountId = await write({ kernel, actor: SYSTEM_ACTOR }, (tx) =>
      createAccount(tx, kernel.pii, { phone: c.phone, displayName: c.name, password: demo.password, passwordHash: demo.passwordHash }),
    );
    const ctx: Ctx = { kernel, actor: { accountId, name: c.name, personId: null, grants: [], requestId: null, locale: 'zh-CN' } };
    await claimRoom(ctx, { roomId: room.id, name: c.name, idLast4: '0000' });
  }
}
