import type { Actor } from '../../kernel/access/index.ts';
import { createAccount, grantRole } from '../../kernel/auth/accounts.ts';
import { hashPassword } from '../../kernel/auth/passwords.ts';
import { loadGrants } from '../../kernel/auth/sessions.ts';
import { decideApproval } from '../../kernel/approvals/approvals.ts';
import type { Ctx, Kernel } from '../../kernel/context.ts';
import { createOrganisation, createPlace, insertHousehold } from '../registry/index.ts';
import { buildWorld, PASSWORD } from '../../test/fixture.ts';
import { read, write } from './fees.db.ts';
import { createFeeItem } from './use-cases/create-fee-item.ts';
import { requestPriceChange } from './use-cases/request-price-change.ts';

/** A use-case context for an account, with its grants as a signed-in request would have them. */
export async function ctxFor(kernel: Kernel, accountId: string): Promise<Ctx> {
  const a = await read(kernel).selectFrom('accounts').select(['display_name', 'person_id']).where('id', '=', accountId).executeTakeFirstOrThrow();
  const actor: Actor = { accountId, name: a.display_name, personId: a.person_id, grants: await loadGrants(read(kernel), accountId), requestId: null, locale: 'zh-CN' };
  return { kernel, actor };
}

/**
 * The bills tests' world: the fixture's (compound 阳光花园 A: 1栋 101–103 and 2栋 201, 89.50 m² each), plus a
 * building 9栋 of hand-picked rooms — 901: 89.57 m² owned by 周一 (co-owner 周二; tenant 吴三, family 郑四);
 * 902: 100.00 m² delivered 2026-12-16 to its buyer 钱五; 903: 120.33 m²; 904: 80.00 m² still the developer's;
 * P1: a parking space — and the accounts: a second property manager at A, staff of the other street's 远方小区.
 */
export async function buildBillsWorld(kernel: Kernel) {
  const w = await buildWorld(kernel);
  const ctx = w.ctx;
  const room = async (unitId: string, name: string, area: string, extra: { deliveredOn?: string; use?: 'residential' | 'parking' } = {}) =>
    (await createPlace(ctx, { parentId: unitId, kind: 'room', name, room: { floor: 9, area, areaSource: 'register', use: extra.use ?? 'residential', deliveredOn: extra.deliveredOn ?? null } })).id;
  const b9 = (await createPlace(ctx, { parentId: w.places.A, kind: 'building', name: '9栋' })).id;
  const u9 = (await createPlace(ctx, { parentId: b9, kind: 'unit', name: '1单元' })).id;
  const r = {
    R901: await room(u9, '901', '89.57'),
    R902: await room(u9, '902', '100.00', { deliveredOn: '2026-12-16' }),
    R903: await room(u9, '903', '120.33'),
    R904: await room(u9, '904', '80.00'),
    P1: await room(u9, 'P1', '12.50', { use: 'parking' }),
  };
  const developer = (await createOrganisation(ctx, { placeId: w.places.S, kind: 'developer', name: '阳光置业' })).id;
  const owner = await w.person(w.places.A, '周一');
  const coOwner = await w.person(w.places.A, '周二');
  const tenant = await w.person(w.places.A, '吴三');
  const family = await w.person(w.places.A, '郑四');
  const buyer = await w.person(w.places.A, '钱五');
  await w.household(r.R901, owner, 'owner', 5000);
  await w.household(r.R901, coOwner, 'co_owner', 5000);
  await w.household(r.R901, tenant, 'tenant');
  await w.household(r.R901, family, 'family');
  await w.household(r.R902, buyer, 'owner');
  await w.household(r.R903, await w.person(w.places.A, '孙六'), 'owner');
  await w.household(r.P1, owner, 'owner');
  await write(ctx, async (tx) => {
    await insertHousehold(tx, ctx, { roomId: r.R904, organisationId: developer, relation: 'owner', shareBp: 10000 });
  });
  const passwordHash = await hashPassword(PASSWORD);
  const more = await write(ctx, async (tx) => {
    const account = (input: { username?: string; phone?: string; displayName: string; personId?: string }) => createAccount(tx, kernel.pii, { ...input, password: PASSWORD, passwordHash });
    const pm2 = await account({ username: 'pm2', displayName: '物业二' });
    await grantRole(tx, pm2, 'property_manager', w.places.A);
    const zmanager = await account({ username: 'zmanager', displayName: '远方经理' });
    await grantRole(tx, zmanager, 'property_manager', w.places.Z);
    const zstreet = await account({ username: 'zstreet', displayName: '邻街街道' });
    await grantRole(tx, zstreet, 'street_official', w.places.S2);
    return {
      pm2,
      zmanager,
      zstreet,
      owner: await account({ phone: '13900000901', displayName: '周一', personId: owner }),
      coOwner: await account({ phone: '13900000902', displayName: '周二', personId: coOwner }),
      tenant: await account({ phone: '13900000903', displayName: '吴三', personId: tenant }),
      family: await account({ phone: '13900000904', displayName: '郑四', personId: family }),
      buyer: await account({ phone: '13900000905', displayName: '钱五', personId: buyer }),
    };
  });
  return { ...w, r, developer, personsB: { owner, coOwner, tenant, family, buyer }, accounts: { ...w.accounts, ...more } };
}
export type BillsWorld = Awaited<ReturnType<typeof buildBillsWorld>>;

/** An item with a price approved through the real flow: `requester` asks, `approver` (another person) approves. */
export async function itemWithPrice(
  requester: Ctx,
  approver: Ctx,
  input: { compoundId: string; name: string; kind: 'area' | 'fixed' | 'parking' | 'one_off'; cycle: 'month' | 'quarter' | 'year' | 'once'; vacancyDiscountBp?: number; unitFen: number; effectiveFrom: string },
) {
  const { id } = await createFeeItem(requester, { compoundId: input.compoundId, name: input.name, kind: input.kind, cycle: input.cycle, vacancyDiscountBp: input.vacancyDiscountBp ?? 0 });
  const price = await requestPriceChange(requester, id, { unitFen: input.unitFen, effectiveFrom: input.effectiveFrom, basisKind: 'contract', basisRef: 'WY-2026-001' });
  await decideApproval(approver, price.approvalId, 'approve');
  return id;
}
