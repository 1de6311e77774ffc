import { createAccount } from '../../kernel/auth/accounts.ts';
import { hashPassword } from '../../kernel/auth/passwords.ts';
import { write } from '../../kernel/context.ts';
import { createOrganisation, createPlace, insertHousehold } from '../registry/index.ts';
import type { World } from '../../test/fixture.ts';
import { PASSWORD } from '../../test/fixture.ts';

/**
 * Owners for a vote at compound A of the test world (test/fixture.ts), added beside its rooms, with the roll
 * the law makes of them worked out by hand:
 *
 *   A-1-101  89.50  王丽 (alice, the resident login 13800000001)          → head 1
 *   A-1-102  89.50  tenant only (陈涛): no owner of record               ┐
 *   A-1-103  89.50  nobody                                               │ the developer's
 *   A-2-201  89.50  tenant only                                          │ one head:
 *   A-3-304  95.25  the developer, unsold                                │ 443.75 m²
 *   A-3-305  80.00  sold to 伊娃, delivery on a day after the vote       ┘
 *   A-3-301 120.00  波 ┐ one buyer, two parts                            → head 3: 180.00 m²
 *   A-3-302  60.00  波 ┘
 *   A-3-303 100.00  蔡 (owner of record) and 戴 (co-owner), 50% each     → head 4
 *
 * Totals: 4 heads, 813.25 m² (81325). ⅔ of the heads is 3 (2.67 rounded up); ⅔ of the area 54216.67.
 */
export async function addOwners(w: World) {
  const { ctx } = w;
  const building = (await createPlace(ctx, { parentId: w.places.A, kind: 'building', name: '3栋' })).id;
  const unit = (await createPlace(ctx, { parentId: building, kind: 'unit', name: '1单元' })).id;
  const room = async (name: string, area: string, deliveredOn: string | null = null) =>
    (await createPlace(ctx, { parentId: unit, kind: 'room', name, room: { floor: 3, area, areaSource: 'register', use: 'residential', deliveredOn } })).id;
  const r301 = await room('301', '120.00');
  const r302 = await room('302', '60.00');
  const r303 = await room('303', '100.00');
  const r304 = await room('304', '95.25');
  const r305 = await room('305', '80.00', '2030-01-01');
  const developer = (await createOrganisation(ctx, { placeId: w.places.A, kind: 'developer', name: '安和置业' })).id;
  const bo = await w.person(w.places.A, '李波波');
  const cai = await w.person(w.places.A, '蔡明');
  const dai = await w.person(w.places.A, '戴琳');
  const eve = await w.person(w.places.A, '伊娃');
  await w.household(r301, bo, 'owner');
  await w.household(r302, bo, 'owner');
  await w.household(r303, cai, 'owner', 5000);
  await w.household(r303, dai, 'co_owner', 5000);
  await w.household(r305, eve, 'owner');
  await write(ctx, (tx) => insertHousehold(tx, ctx, { roomId: r304, organisationId: developer, relation: 'owner', shareBp: 10000 }));

  // Sign-ins for the owners (and the tenant), matched to their registry persons.
  const passwordHash = await hashPassword(PASSWORD);
  const logins = await write(ctx, async (tx) => {
    const make = (phone: string, personId: string, name: string) => createAccount(tx, ctx.kernel.pii, { phone, displayName: name, password: PASSWORD, passwordHash, personId });
    return {
      bo: { phone: '13700000001', id: await make('13700000001', bo, '李波波') },
      cai: { phone: '13700000002', id: await make('13700000002', cai, '蔡明') },
      dai: { phone: '13700000003', id: await make('13700000003', dai, '戴琳') },
      tom: { phone: '13700000004', id: await make('13700000004', w.persons.tom, '陈涛') },
    };
  });
  return { rooms: { r301, r302, r303, r304, r305 }, persons: { bo, cai, dai, eve }, developer, logins, totals: { heads: 4, areaCenti: 81325 } };
}
