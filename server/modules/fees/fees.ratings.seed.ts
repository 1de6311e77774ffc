import { SYSTEM_ACTOR } from '../../kernel/access/index.ts';
import { chinaDay } from '../../kernel/clock.ts';
import { audit, type Ctx, type Kernel } from '../../kernel/context.ts';
import type { DemoSeedContext } from '../../kernel/demo-seed.ts';
import { newId } from '../../kernel/ids.ts';
import { currentMembersOfRoom, DEMO_STREET, roomsWithOwnershipOf } from '../registry/index.ts';
import { read, write } from './fees.db.ts';
import { RATING_DIMENSIONS, type RatingDimension } from './fees.ratings.constants.ts';
import { billsOfMonth, billsVerdict } from './use-cases/rating-eligibility.ts';
import { shiftMonth } from './use-cases/rating-rules.ts';

const HOUR = 3_600_000;
/** How the company does on each dimension, as owners tend to see it: upkeep is the usual complaint. */
const LEAN: Record<RatingDimension, number> = { cleaning: 0.3, security: 0.1, repairs: -0.5, greenery: 0, attitude: 0.4 };
const COMMENTS = [
  '保洁阿姨很勤快，楼道每天都拖得很干净。',
  '报修的水管三天才来人修，希望维修能快一点。',
  '门岗对外来车辆登记很认真，晚上巡逻也看得到人。',
  '小区绿化修剪及时，就是草坪有几块秃了。',
  '客服态度很好，有问题都耐心解释。',
  '电梯经常停用检修，维修养护要加强。',
  '垃圾分类点周末清运不及时，有异味。',
  '整体满意，继续保持。',
  '地下车库灯坏了一个多月没人换。',
  '物业费收得明白，服务也对得上。',
];

/**
 * The ratings part of the demo, after the bills and payments parts: owners of 阳光花园 whose bills of last month are
 * all paid rate the company for it — about 45 of them, a believable spread (mostly 4s and 5s, repairs the weakest,
 * some comments) — so the summary and list are not empty. 张明远 (13800000001) is left to rate himself on the H5.
 * A no-op once ratings exist or without bills.
 */
export async function seedRatings(kernel: Kernel, demo: DemoSeedContext): Promise<{ skipped?: string; period?: string; ratings?: number }> {
  const street = demo.get(DEMO_STREET);
  const compound = street?.compounds.find((c) => c.name === '阳光花园');
  if (!street || !compound?.propertyCompanyId) return { skipped: 'no demo street' };
  const db = read(kernel);
  if (await db.selectFrom('fee_ratings').select('id').limit(1).executeTakeFirst()) return { skipped: 'seeded already' };
  const thisMonth = chinaDay(demo.now).slice(0, 7);
  const period = shiftMonth(thisMonth, -1);
  const paidRooms = await db
    .selectFrom('fee_bills as b')
    .innerJoin('street_places as room', (j) => j.onRef('room.street_id', '=', 'b.street_id').onRef('room.id', '=', 'b.room_id'))
    .select(['b.room_id as roomId', 'room.path'])
    .where('b.street_id', '=', street.street.id)
    .where('b.compound_id', '=', compound.id)
    .where('b.payer_kind', '=', 'owners')
    .where('b.period_label', '=', period)
    .where('b.status', '=', 'paid')
    .orderBy('room.path')
    .execute();
  if (paidRooms.length === 0) return { skipped: 'no paid bills' };

  const rng = demo.random(1947);
  const skip = demo.account('13800000001')?.personId ?? null;
  const chosen = paidRooms.filter(() => rng.chance(Math.min(1, 60 / paidRooms.length)));
  const system: Ctx = { kernel, actor: SYSTEM_ACTOR };
  const monthStart = Date.parse(`${thisMonth}-01T00:00:00+08:00`);
  let ratings = 0;
  await write(system, async (tx) => {
    const seen = new Set<string>();
    for (const room of chosen) {
      if (ratings >= 50) break;
      const owners = (await currentMembersOfRoom(tx, room.roomId)).filter((m) => m.relations.some((r) => r === 'owner' || r === 'co_owner'));
      for (const owner of owners) {
        if (owner.personId === skip || seen.has(owner.personId)) continue;
        seen.add(owner.personId);
        // The same rule as the H5's: every bill of the month, over all of the owner's rooms in the compound, paid.
        const rooms = (await roomsWithOwnershipOf(tx, owner.personId)).filter((r) => r.owner && r.roomPath.startsWith(compound.path));
        if (billsVerdict(await billsOfMonth(tx, street.street.id, rooms.map((r) => r.roomId), period)).verdict !== 'paid') continue;
        const mood = rng.next() < 0.12 ? -1.6 : rng.next() < 0.3 ? -0.6 : 0.3;
        const score = (d: RatingDimension) => Math.max(1, Math.min(5, Math.round(4.1 + LEAN[d] + mood + (rng.next() - 0.5) * 1.4)));
        const scores = Object.fromEntries(RATING_DIMENSIONS.map((d) => [d, score(d)])) as Record<RatingDimension, number>;
        const comment = rng.chance(0.35) ? rng.pick(COMMENTS) : '';
        // Rated on a day of this month: the window for last month runs to this month's end.
        const ratedAt = new Date(Math.min(demo.now.getTime() - 60_000, Math.max(monthStart + 9 * HOUR, demo.now.getTime() - rng.int(2, 20 * 24) * HOUR)));
        const id = newId();
        await tx
          .insertInto('fee_ratings')
          .values({ street_id: street.street.id, id, compound_id: compound.id, company_id: compound.propertyCompanyId!, period, person_id: owner.personId, account_id: null, rooms_label: rooms.map((r) => r.roomLabel).join('、').slice(0, 300) || '—', ...scores, comment, rated_at: ratedAt })
          .execute();
        await audit(tx, system, { action: 'fees.rating.submitted', placeId: compound.id, subjectType: 'fee_rating', subjectId: id, after: { period, companyId: compound.propertyCompanyId, ...scores, commented: !!comment, demo: true } });
        ratings++;
      }
    }
  });
  demo.notes.push('业主评价：业主 13800000001 在 H5「物业费」页点「评价物业」为缴清的月份打分；工作台「业主评价」看均分与意见。');
  return { period, ratings };
}
