import { appDb } from '../app.ts';
import { SYSTEM_ACTOR } from '../kernel/access/index.ts';
import { hashPassword } from '../kernel/auth/passwords.ts';
import { createAccount } from '../kernel/auth/accounts.ts';
import { type Ctx, type Kernel, write } from '../kernel/context.ts';
import { claimRoom } from '../modules/activation/use-cases/claim-room.ts';
import { DEMO_PASSWORD } from './seed-demo.ts';

/**
 * Room claims waiting for the residents' committee (居委会 → 居民激活 → 认领审核), made the way residents
 * make them: people who signed up and named a room the registry does not list them in yet — a tenant
 * who moved in last week, a relative looking after an elderly owner.
 */
const CLAIMANTS = [
  { phone: '13900000101', name: '孙晓雯', room: ['1栋', '1单元', '301'] },
  { phone: '13900000102', name: '何志强', room: ['2栋', '1单元', '502'] },
  { phone: '13900000103', name: '郑丽娟', room: ['3栋', '1单元', '1001'] },
] as const;

export async function seedDemoClaims(kernel: Kernel): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const c of CLAIMANTS) {
    const room = await appDb(kernel)
      .selectFrom('places as room')
      .innerJoin('places as unit', 'unit.id', 'room.parent_id')
      .innerJoin('places as building', 'building.id', 'unit.parent_id')
      .innerJoin('places as compound', 'compound.id', 'building.parent_id')
      .select('room.id')
      .where('compound.name', '=', '阳光花园')
      .where('building.name', '=', c.room[0])
      .where('unit.name', '=', c.room[1])
      .where('room.name', '=', c.room[2])
      .executeTakeFirst();
    if (!room) continue;
    const accountId = await write({ kernel, actor: SYSTEM_ACTOR }, (tx) => createAccount(tx, kernel.pii, { phone: c.phone, displayName: c.name, password: DEMO_PASSWORD, passwordHash }));
    const ctx: Ctx = { kernel, actor: { accountId, name: c.name, personId: null, grants: [], requestId: null, locale: 'zh-CN' } };
    await claimRoom(ctx, { roomId: room.id, name: c.name, idLast4: '0000' });
  }
}
