import { SYSTEM_ACTOR, insertPlace, type PlaceRow } from '../kernel/access/index.ts';
import { createAccounts, staffGrants } from './kernel-fixture.ts';
import { useTestEnv } from './harness.ts';
import { type Ctx, write } from '../kernel/context.ts';
import type { Kernel } from '../kernel/context.ts';
import { withIdChecksum } from '../kernel/pii/pii.ts';
import { createOrganisation, createPerson, createPlace, createPosition, insertHousehold } from '../modules/registry/index.ts';

export { PASSWORD } from './kernel-fixture.ts';

/** `useTestEnv` (harness.ts) with `buildWorld` as its world: `const { env, w, signedIn } = useWorld();`. */
export const useWorld = (overrides?: Parameters<typeof useTestEnv>[1]) => useTestEnv((env) => buildWorld(env.kernel), overrides);

/**
 * A small world for access tests: street S (communities C1 → grid G1 → compound A, C2 → grid G2 →
 * compound B) and a second street S2 (compound Z). Each compound has rooms, owners, tenants and
 * organisations. One account per staff role, granted at the place the role works at, plus a
 * resident who owns room A-1-101.
 */
export async function buildWorld(kernel: Kernel) {
  const ctx: Ctx = { kernel, actor: SYSTEM_ACTOR };
  const place = async (parentId: string, kind: Parameters<typeof createPlace>[1]['kind'], name: string, extra: object = {}) =>
    (await createPlace(ctx, { parentId, kind, name, ...extra })).id;
  const room = (unitId: string, name: string) =>
    place(unitId, 'room', name, { room: { floor: Number(name[0]), area: '89.50', areaSource: 'register', use: 'residential' } });

  const [S, S2] = await write(ctx, async (tx) => {
    const s: PlaceRow = await insertPlace(tx, { parent: null, kind: 'street', name: '测试街道' });
    const s2: PlaceRow = await insertPlace(tx, { parent: null, kind: 'street', name: '邻近街道' });
    return [s.id, s2.id];
  });
  const pc1 = (await createOrganisation(ctx, { placeId: S, kind: 'property_company', name: '安和物业', contactPhone: '057088880001' })).id;
  const pcZ = (await createOrganisation(ctx, { placeId: S2, kind: 'property_company', name: '邻街物业' })).id;

  const C1 = await place(S, 'community', '一社区');
  const C2 = await place(S, 'community', '二社区');
  const G1 = await place(C1, 'grid', '一网格');
  const G2 = await place(C2, 'grid', '二网格');
  const compound = (parent: string, name: string, company: string | null) =>
    place(parent, 'compound', name, { compound: { managementMode: company ? 'professional' : 'self_managed', propertyCompanyId: company } });
  const A = await compound(G1, '阳光花园', pc1);
  const B = await compound(G2, '明月小区', null);
  const C3 = await place(S2, 'community', '邻社区');
  const Z = await compound(C3, '远方小区', pcZ);

  const unitOf = async (compoundId: string, building: string) => {
    const b = await place(compoundId, 'building', building);
    return { building: b, unit: await place(b, 'unit', '1单元') };
  };
  const A1 = await unitOf(A, '1栋');
  const A2 = await unitOf(A, '2栋');
  const B1 = await unitOf(B, '1栋');
  const Z1 = await unitOf(Z, '1栋');
  const rooms = {
    A101: await room(A1.unit, '101'),
    A102: await room(A1.unit, '102'),
    A103: await room(A1.unit, '103'),
    A201: await room(A2.unit, '201'),
    B101: await room(B1.unit, '101'),
    B103: await room(B1.unit, '103'),
    Z101: await room(Z1.unit, '101'),
    Z103: await room(Z1.unit, '103'),
  };

  let seq = 0;
  const person = async (placeId: string, name: string) =>
    (
      await createPerson(ctx, {
        placeId,
        name,
        phone: `139${String(++seq).padStart(8, '0')}`,
        idNumber: withIdChecksum(`33080219900101${String(seq).padStart(3, '0')}`),
        tags: [],
      })
    ).id;
  const household = (roomId: string, personId: string, relation: 'owner' | 'tenant' | 'family' | 'co_owner', shareBp?: number) =>
    write(ctx, async (tx) => (await insertHousehold(tx, ctx, { roomId, personId, relation, shareBp: shareBp ?? (relation === 'owner' ? 10000 : null) })).id);

  const alice = await person(A, '王丽');
  const tom = await person(A, '陈涛');
  const bob = await person(B, '李波');
  const zed = await person(Z, '赵泽');
  await household(rooms.A101, alice, 'owner');
  await household(rooms.A102, tom, 'tenant');
  await household(rooms.B101, bob, 'owner');
  const zedHousehold = await household(rooms.Z101, zed, 'owner');
  const aliceTenantOfA201 = await household(rooms.A201, await person(A, '孙宁'), 'tenant');

  const ownersCommitteeA = (await createOrganisation(ctx, { placeId: A, kind: 'owners_committee', name: '阳光花园业委会' })).id;
  const ownersCommitteeZ = (await createOrganisation(ctx, { placeId: Z, kind: 'owners_committee', name: '远方小区业委会' })).id;
  const rcC1 = (await createOrganisation(ctx, { placeId: C1, kind: 'residents_committee', name: '一社区居委会' })).id;
  const positionA = (await createPosition(ctx, { personId: alice, organisationId: ownersCommitteeA, title: '主任' })).id;
  const positionZ = (await createPosition(ctx, { personId: zed, organisationId: ownersCommitteeZ, title: '主任' })).id;

  const grantsAt = staffGrants({ S, C1, G1, A, A1: A1.building });
  const accounts = await createAccounts(kernel, grantsAt, alice);

  return {
    places: { S, S2, C1, C2, G1, G2, A, B, Z, C3, A1, A2, B1, Z1 },
    rooms,
    persons: { alice, tom, bob, zed },
    households: { zedHousehold, aliceTenantOfA201 },
    organisations: { pc1, pcZ, ownersCommitteeA, ownersCommitteeZ, rcC1 },
    positions: { positionA, positionZ },
    grantsAt,
    accounts,
    ctx,
    person,
    household,
  };
}
export type World = Awaited<ReturnType<typeof buildWorld>>;
