import { SYSTEM_ACTOR, type StaffRole, insertPlace } from '../kernel/access/index.ts';
import { createAccount, grantRole } from '../kernel/auth/accounts.ts';
import { hashPassword } from '../kernel/auth/passwords.ts';
import { type Ctx, type Kernel, write } from '../kernel/context.ts';
import { newId } from '../kernel/ids.ts';
import { useTestEnv } from './harness.ts';

/** The password of every account the test worlds create. */
export const PASSWORD = 'Test@12345';

/**
 * Signs in as each staff role at its place (username = role), a resident (phone 13800000001, matched to
 * `residentPersonId` if given) and a second street official (`street2`, for approvals).
 */
export async function createAccounts(kernel: Kernel, grantsAt: Record<StaffRole, string>, residentPersonId: string | null = null) {
  const ctx: Ctx = { kernel, actor: SYSTEM_ACTOR };
  const passwordHash = await hashPassword(PASSWORD);
  const accounts = {} as Record<StaffRole | 'resident' | 'street_official2', string>;
  await write(ctx, async (tx) => {
    for (const [role, placeId] of Object.entries(grantsAt) as [StaffRole, string][]) {
      accounts[role] = await createAccount(tx, kernel.pii, { username: role, displayName: role, password: PASSWORD, passwordHash });
      await grantRole(tx, accounts[role], role, placeId);
    }
    accounts.resident = await createAccount(tx, kernel.pii, {
      phone: '13800000001',
      displayName: '王丽',
      password: PASSWORD,
      passwordHash,
      personId: residentPersonId,
    });
    accounts.street_official2 = await createAccount(tx, kernel.pii, { username: 'street2', displayName: 'street2', password: PASSWORD, passwordHash });
    await grantRole(tx, accounts.street_official2, 'street_official', grantsAt.street_official);
  });
  return accounts;
}

/**
 * The kernel's own test world, built from kernel tables only (no module): a street with a community,
 * a grid, a compound and a building, a second street, and an account for every role. Kernel tests use
 * it; tests that need rooms, people or households use test/fixture.ts (the registry's world).
 */
export async function buildKernelWorld(kernel: Kernel) {
  const ctx: Ctx = { kernel, actor: SYSTEM_ACTOR };
  const places = await write(ctx, async (tx) => {
    const S = await insertPlace(tx, { parent: null, kind: 'street', name: '测试街道' });
    const S2 = await insertPlace(tx, { parent: null, kind: 'street', name: '邻近街道' });
    const C1 = await insertPlace(tx, { parent: S, kind: 'community', name: '一社区' });
    const G1 = await insertPlace(tx, { parent: C1, kind: 'grid', name: '一网格' });
    const A = await insertPlace(tx, { parent: G1, kind: 'compound', name: '阳光花园' });
    const A1 = await insertPlace(tx, { parent: A, kind: 'building', name: '1栋' });
    return { S: S.id, S2: S2.id, C1: C1.id, G1: G1.id, A: A.id, A1: A1.id };
  });
  const grantsAt = staffGrants(places);
  // A resident is an account matched to a person (the registry's, by id only): any id will do here.
  return { places, grantsAt, accounts: await createAccounts(kernel, grantsAt, newId()), ctx };
}

/** `useTestEnv` (harness.ts) with `buildKernelWorld` as its world. */
export const useKernelWorld = () => useTestEnv((env) => buildKernelWorld(env.kernel));

/** Where each staff role of a test world holds its grant. */
export function staffGrants(p: { S: string; C1: string; G1: string; A: string; A1: string }): Record<StaffRole, string> {
  return {
    platform_admin: p.S,
    street_official: p.S,
    property_committee_member: p.S,
    department_reviewer: p.S,
    assessor: p.S,
    workplace_party_contact: p.S,
    community_secretary: p.C1,
    committee_staff: p.C1,
    grid_worker: p.G1,
    owners_committee_member: p.A,
    property_manager: p.A,
    property_staff: p.A,
    building_leader: p.A1,
  };
}
