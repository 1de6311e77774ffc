import { createAccount } from '../../kernel/auth/accounts.ts';
import { hashPassword } from '../../kernel/auth/passwords.ts';
import { write } from '../../kernel/context.ts';
import { createPlace } from '../registry/index.ts';
import type { World } from '../../test/fixture.ts';
import { PASSWORD } from '../../test/fixture.ts';

/**
 * A stairwell for elevator retrofits at compound A of the test world (test/fixture.ts): 5栋 / 1单元, three floors of
 * two rooms of 89.50 m², one owner each with a sign-in; beside it 5栋 / 2单元 / 101, whose owner is not on the
 * stairwell's roll.
 *
 *   floor 3  301 孙三 13600000301   302 周三 13600000302
 *   floor 2  201 孙二 13600000201   202 周二 13600000202
 *   floor 1  101 孙一 13600000101   102 周一 13600000102      (2单元 101: 吴邻 13600000901)
 */
export async function addStairwell(w: World) {
  const { ctx } = w;
  const building = (await createPlace(ctx, { parentId: w.places.A, kind: 'building', name: '5栋' })).id;
  const unit = (await createPlace(ctx, { parentId: building, kind: 'unit', name: '1单元' })).id;
  const unit2 = (await createPlace(ctx, { parentId: building, kind: 'unit', name: '2单元' })).id;
  const room = async (parentId: string, name: string) =>
    (await createPlace(ctx, { parentId, kind: 'room', name, room: { floor: Number(name[0]), area: '89.50', areaSource: 'register', use: 'residential' } })).id;
  const names: Record<string, string> = { '101': '孙一', '102': '周一', '201': '孙二', '202': '周二', '301': '孙三', '302': '周三' };
  const rooms: Record<string, string> = {};
  const persons: Record<string, string> = {};
  for (const [no, name] of Object.entries(names)) {
    rooms[no] = await room(unit, no);
    persons[no] = await w.person(w.places.A, name);
    await w.household(rooms[no]!, persons[no]!, 'owner');
  }
  const neighbourRoom = await room(unit2, '101');
  const neighbour = await w.person(w.places.A, '吴邻');
  await w.household(neighbourRoom, neighbour, 'owner');
  const passwordHash = await hashPassword(PASSWORD);
  const phones: Record<string, string> = {};
  await write(ctx, async (tx) => {
    for (const no of Object.keys(names)) {
      phones[no] = `13600000${no}`;
      await createAccount(tx, ctx.kernel.pii, { phone: phones[no]!, displayName: names[no]!, password: PASSWORD, passwordHash, personId: persons[no]! });
    }
    await createAccount(tx, ctx.kernel.pii, { phone: '13600000901', displayName: '吴邻', password: PASSWORD, passwordHash, personId: neighbour });
  });
  return { building, unit, unit2, rooms, persons, phones, neighbourPhone: '13600000901' };
}
