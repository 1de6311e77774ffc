import { SYSTEM_ACTOR, type Actor } from '../../kernel/access/index.ts';
import { createAccount } from '../../kernel/auth/accounts.ts';
import { chinaDay } from '../../kernel/clock.ts';
import type { Ctx, Kernel } from '../../kernel/context.ts';
import type { DemoSeedContext } from '../../kernel/demo-seed.ts';
import { newId } from '../../kernel/ids.ts';
import { normalise } from '../../kernel/pii/pii.ts';
import { DEMO_STREET, organisationNames, roomHoldersUnder } from '../registry/index.ts';
import { read, write } from './deliberation.db.ts';
import { insertItem, lockItem } from './deliberation.repository.ts';
import { addSupervisionNote } from './use-cases/add-supervision-note.ts';
import { escalateOverdue } from './use-cases/escalate-overdue.ts';
import { moveItem } from './use-cases/move-item.ts';
import { planTask } from './use-cases/plan-tasks.ts';
import { rateItem } from './use-cases/rate-item.ts';
import { reportProgress } from './use-cases/report-progress.ts';
import { settleVerdicts } from './use-cases/settle-verdicts.ts';

/**
 * Stages 4–6 of the demo, at 阳光花园 and 和园小区, written through the use cases by the demo logins (the street
 * plans, the property company reports with photos, the 物委会 supervises, households rate): an item under way with
 * tasks at different progress — one overdue, escalated to the street — one being rated that 张明远 (13800000001)
 * has not rated yet while neighbours have, one closed with its ratings, and one reopened once after a poor round.
 * A no-op when tasks exist already or the logins are missing.
 */
const DAY = 86_400_000;

/** A tiny valid PNG (1×1, grey): the demo's progress photos. */
const PHOTO = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGO4BwAAuAC3XyVwbwAAAABJRU5ErkJggg==', 'base64');
const photo = (n: number) => ({ filename: `现场${n}.png`, content: Buffer.concat([PHOTO, Buffer.from([n])]) });

export async function seedExecutionDemo(kernel: Kernel, demo: DemoSeedContext) {
  if (await read(kernel).selectFrom('dlb_tasks').select('id').limit(1).executeTakeFirst()) return { items: 0 };
  const street = demo.get(DEMO_STREET);
  const [planner, reporter, supervisor] = [await demo.as('street'), await demo.as('wuye'), await demo.as('wuweihui')];
  if (!street || !planner || !reporter || !supervisor) return { items: 0 };
  const today = chinaDay(kernel.clock.now());
  const day = (n: number) => chinaDay(new Date(Date.parse(`${today}T12:00:00+08:00`) + n * DAY));
  // The demo logins' own households never rate here, so 张明远 finds the round open for him.
  const loginPersons = new Set(demo.accounts.filter((a) => a.role === 'resident' && a.personId).map((a) => a.personId!));
  let items = 0;

  for (const name of ['阳光花园', '和园小区']) {
    const compound = street.compounds.find((c) => c.name === name);
    if (!compound) continue;
    const company = compound.propertyCompanyId ? (await organisationNames(read(kernel), [compound.propertyCompanyId])).get(compound.propertyCompanyId) : undefined;
    const org = company ? { organisationId: compound.propertyCompanyId! } : { organisationName: '业主委员会' };
    const raters = await ratersAt(kernel, compound.path, loginPersons, demo.passwordHash);

    const item = async (title: string, decision: string) => {
      items++;
      return executingItem(kernel, planner, compound.id, title, decision, demo.now);
    };
    const task = (itemId: string, title: string, deadline: string, budgetFen: number, responsibleName = '李师傅') =>
      planTask(planner, itemId, { title, ...org, responsibleName, deadline, budgetFen }).then((t) => t.id);
    const rateAll = async (itemId: string, scores: [number, string][]) => {
      for (const [k, [score, comment]] of scores.entries()) if (raters[k]) await rateItem(raters[k], itemId, { score, comment });
    };
    /** The round's window as if it had run its days: opened 15 days ago, closed a moment ago; then the verdict job. */
    const closeRound = async (itemId: string) => {
      const now = kernel.clock.now().getTime();
      await write({ kernel, actor: SYSTEM_ACTOR }, async (tx) => {
        await tx.updateTable('dlb_items').set({ rating_opens_at: new Date(now - 15 * DAY), rating_closes_at: new Date(now - 1000) }).where('id', '=', itemId).execute();
        await tx.updateTable('dlb_ratings').set({ at: new Date(now - 5 * DAY) }).where('item_id', '=', itemId).execute();
      });
      await settleVerdicts(kernel);
    };

    // Under way: one task done with photos, one on time, one overdue with photos (the street hears of it).
    const garage = await item('地下车库照明改造', '由物业更换B区全部灯管并增设应急照明，费用从公共收益列支，业委会验收。');
    // Planned together (a task reported done alone would send the item to the residents at once).
    const t1 = await task(garage, '更换B区故障灯管', day(-5), 320000);
    const t2 = await task(garage, '增设应急照明', day(10), 180000);
    const t3 = await task(garage, '线路老化检测', day(-3), 50000, '王工');
    await reportProgress(reporter, t1, { percent: 100, note: 'B区42盏灯管已全部更换' }, [photo(1), photo(2)]);
    await reportProgress(reporter, t2, { percent: 60, note: '已安装6处，剩余4处本周完成' });
    await reportProgress(reporter, t3, { percent: 30, note: '检测设备到货延误' }, [photo(3)]);
    await addSupervisionNote(supervisor, garage, { text: '线路检测已逾期，请物业说明原因并尽快完成。', isPublic: true });
    await addSupervisionNote(supervisor, garage, { text: '约谈物业项目经理，督促加派人手。', isPublic: false });

    // Being rated: 张明远 has not rated; neighbours have.
    const shed = await item('南门增设非机动车棚', '在南门内侧空地建设非机动车棚及充电桩，由物业施工，社区监督。');
    const shedTasks = [await task(shed, '车棚主体施工', day(-2), 850000), await task(shed, '安装充电桩', day(-2), 420000)];
    for (const [k, t] of shedTasks.entries()) await reportProgress(reporter, t, { percent: 100, note: k === 0 ? '车棚主体完工' : '充电桩通电验收' }, [photo(4 + k)]);
    await rateAll(shed, [
      [5, '终于不用在楼道充电了'],
      [4, '车棚不错，希望加装照明'],
      [5, ''],
    ]);

    // Closed: the residents accepted the outcome.
    const lamps = await item('楼道感应灯更换', '全部单元楼道更换为声控感应灯，物业负责，本月内完成。');
    const lt = await task(lamps, '更换楼道感应灯', day(-20), 96000);
    await reportProgress(reporter, lt, { percent: 100, note: '全部单元已更换' }, [photo(6)]);
    await rateAll(lamps, [
      [5, '晚上回家方便多了'],
      [4, ''],
      [5, ''],
      [4, '个别楼层灵敏度偏低'],
      [5, ''],
      [3, ''],
    ]);
    await closeRound(lamps);

    // Reopened once: the first round was poor, so the street added a task.
    const gym = await item('健身器材维修', '维修或更换小区广场损坏的健身器材，物业负责。');
    const gt = await task(gym, '维修广场健身器材', day(-12), 60000);
    await reportProgress(reporter, gt, { percent: 100, note: '已焊接加固' });
    await rateAll(gym, [
      [2, '只是简单焊了一下，还是晃'],
      [1, '漫步机还是坏的'],
      [3, ''],
      [2, '没有更换新器材'],
      [4, ''],
    ]);
    await closeRound(gym);
    const again = await task(gym, '更换漫步机和扭腰器', day(14), 280000);
    await reportProgress(reporter, again, { percent: 20, note: '新器材已订购' });
  }
  // The overdue tasks go to the street as the job would send them.
  await escalateOverdue(kernel);
  return { items };
}

/** An item decided at a joint meeting: entered by the street, then moved to execution with the decision's text. */
async function executingItem(kernel: Kernel, ctx: Ctx, placeId: string, title: string, decision: string, at: Date) {
  return write(ctx, async (tx) => {
    const place = await tx.selectFrom('street_places').select('street_id').where('id', '=', placeId).executeTakeFirstOrThrow();
    const id = newId();
    await insertItem(tx, {
      streetId: place.street_id,
      id,
      placeId,
      title,
      description: decision,
      sourceKind: 'official',
      source: { refId: null, label: '街道登记' },
      stage: 'consulting',
      listedAt: at,
      isPublic: true,
      createdBy: ctx.actor.accountId,
      at,
      year: Number(chinaDay(at).slice(0, 4)),
    });
    await moveItem(tx, ctx, (await lockItem(tx, id))!, { to: 'executing', kind: 'decided', note: decision, patch: { decision_text: decision } });
    return id;
  });
}

/**
 * Households that rate in the demo: the owners and tenants of rooms under the compound (one per room, not the
 * demo logins'), each with an account as if they had signed up with their phone — reused when they have one.
 */
async function ratersAt(kernel: Kernel, compoundPath: string, skip: Set<string>, passwordHash: string): Promise<Ctx[]> {
  const holders = await roomHoldersUnder(read(kernel), compoundPath, 200);
  const rooms = new Set<string>();
  const out: Ctx[] = [];
  for (const h of holders) {
    if (out.length >= 6) break;
    if (skip.has(h.personId) || rooms.has(h.roomId) || !h.phoneEnc) continue;
    rooms.add(h.roomId);
    const accountId = await write({ kernel, actor: SYSTEM_ACTOR }, async (tx) => {
      const existing = await tx.selectFrom('accounts').select('id').where('person_id', '=', h.personId).executeTakeFirst();
      if (existing) return existing.id;
      const phone = normalise(kernel.pii.decrypt(h.phoneEnc!));
      const byPhone = await tx.selectFrom('accounts').select('id').where('phone_hash', '=', kernel.pii.hash(phone)).executeTakeFirst();
      if (byPhone) return null;
      return createAccount(tx, kernel.pii, { phone, displayName: h.name, password: '', passwordHash, personId: h.personId });
    });
    if (!accountId) continue;
    const actor: Actor = { accountId, name: h.name, personId: h.personId, grants: [], requestId: null, locale: 'zh-CN' };
    out.push({ kernel, actor });
  }
  return out;
}
