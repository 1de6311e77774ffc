import type { Insertable } from 'kysely';
import { sql } from 'kysely';
import { SYSTEM_ACTOR } from '../../kernel/access/index.ts';
import { recordAudit } from '../../kernel/audit/audit.ts';
import type { Kernel } from '../../kernel/context.ts';
import type { DemoSeedContext } from '../../kernel/demo-seed.ts';
import { newId } from '../../kernel/ids.ts';
import { maskPhone } from '../../kernel/pii/pii.ts';
import { currentRoomsOf, DEMO_STREET, personContact, roomHoldersUnder } from '../registry/index.ts';
import { read, type RepairsDb } from './repairs.db.ts';
import { CATEGORIES, type Category, DEFAULT_AUTO_CLOSE_DAYS, DEFAULT_LIMITS, orderNumber, type Status } from './repairs.constants.ts';
import { escalateOverdue } from './use-cases/escalate-overdue.ts';

/**
 * Demo repair orders for the demo street: about two months of orders in the compounds that have a
 * property company, in every status, with timelines, ratings (a few poor), paid services and a
 * few overdue ones, which the escalation job then escalates to the residents' committee. The
 * demo resident (13800000001) has orders of their own. Deterministic content; times count back from
 * the seed's "now". Written directly in one transaction (one audit entry), not through the
 * use cases, so that it takes a fraction of a second.
 */
const SEED = 20261123;
const MIN = 60_000;
const DAY = 24 * 60 * MIN;

const DESCRIPTIONS: Record<Category, string[]> = {
  water: ['厨房水龙头漏水', '卫生间下水道堵塞', '楼道消防管滴水', '阳台地漏返味', '暖气片不热'],
  electric: ['楼道声控灯不亮', '单元门口照明坏了', '地下车库灯管闪烁', '电表箱门关不上'],
  elevator: ['电梯运行有异响', '电梯按钮失灵', '电梯门关闭缓慢', '电梯内照明不亮'],
  doors: ['单元门禁刷卡无反应', '单元门闭门器损坏', '楼道窗户玻璃破裂', '消防通道门锁坏了'],
  facility: ['小区健身器材松动', '儿童滑梯有裂缝', '路灯不亮', '车棚充电桩无法使用'],
  environment: ['楼前垃圾未及时清运', '绿化带杂草太高', '楼道堆放杂物', '雨后路面积水'],
  other: ['小区大门道闸故障', '快递柜屏幕无法操作', '楼顶防水层破损'],
};
const FINISH_NOTES = ['已更换配件，恢复正常', '已疏通并清理现场', '已维修完毕，经住户确认', '已联系厂家维保处理完毕', '已清理完毕'];
const COMMENTS: Record<number, string[]> = {
  5: ['师傅很专业，处理及时', '响应很快，非常满意', '服务态度好，谢谢物业'],
  4: ['修好了，就是来得稍晚', '整体满意'],
  3: ['修好了，但等了比较久'],
  2: ['拖了好几天才来', '修完没过两天又坏了'],
  1: ['问题根本没解决'],
};

interface Account {
  id: string;
  name: string;
}
/** By name, in code-point order (the order the draws below were made in since the demo began). */
const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/**
 * Seeds the demo orders; a no-op when orders exist already or the demo street or its property logins
 * are missing. Answers what it added.
 */
export async function seedRepairsDemo(kernel: Kernel, demo: DemoSeedContext): Promise<{ orders: number; escalated: number }> {
  const db = read(kernel);
  if (await db.selectFrom('rep_orders').select('id').limit(1).executeTakeFirst()) return { orders: 0, escalated: 0 };
  const street = demo.get(DEMO_STREET);
  const staff = demo.account('wuyestaff');
  const manager = demo.account('wuye');
  const resident = demo.account('13800000001');
  if (!street || !staff || !manager || !resident?.personId) return { orders: 0, escalated: 0 };
  // Every order of the demo is in its one street (docs/adr/0003-street-keys.md).
  const streetId = street.street.id;
  const residentPersonId = resident.personId;
  const residentAccount: Account = { id: resident.id, name: resident.name };

  // Compounds with a property company, each with some current residents' rooms.
  const compounds = street.compounds.flatMap((c) => (c.propertyCompanyId ? [{ ...c, companyId: c.propertyCompanyId }] : [])).sort(byName);
  const rng = demo.random(SEED);
  const now = demo.now.getTime();
  const orders: Insertable<RepairsDb['rep_orders']>[] = [];
  const events: Insertable<RepairsDb['rep_events']>[] = [];
  const propertyRoles: string[] = ['property_staff', 'property_manager'];

  for (const compound of compounds) {
    // Who else serves here: property logins granted on this compound (the manager serves two compounds).
    const workers: Account[] = demo.accounts.filter((a) => propertyRoles.includes(a.role) && a.placeIds.includes(compound.id)).sort(byName);
    const worker = workers.find((x) => x.id === staff.id) ?? workers[0] ?? manager;
    const handler = workers.find((x) => x.id === manager.id) ?? worker;
    const others = (await roomHoldersUnder(db, compound.path, 400)).filter((h) => h.personId !== residentPersonId);
    if (others.length === 0) continue;
    // The demo staff's own compound gets the most orders.
    const count = workers.some((x) => x.id === staff.id) ? 16 : 8;
    for (let i = 0; i < count; i++) {
      const h = rng.pick(others);
      // The place fits the problem: a tap is in a home, an elevator in a building, a swing in the compound.
      const category = rng.pick([...CATEGORIES]);
      const [building, unit] = h.roomPath.split('/').filter(Boolean).slice(-3, -1) as [string, string];
      const placeId =
        category === 'water' || category === 'electric'
          ? rng.chance(0.75)
            ? h.roomId
            : building
          : category === 'doors'
            ? rng.chance(0.5)
              ? unit
              : h.roomId
            : category === 'elevator'
              ? building
              : compound.id;
      plan(category, placeId, compound, h, worker, handler, i < 5 ? rng.int(0, 2) : rng.int(3, 60));
    }
  }

  // The demo resident's own orders: one waiting for their rating, one being worked on, one rated.
  const mine = (await currentRoomsOf(db, residentPersonId))[0];
  const home = mine && compounds.find((c) => mine.roomPath.startsWith(c.path));
  const person = await personContact(db, residentPersonId);
  if (mine && home && person) {
    const contact = { personId: residentPersonId, roomId: mine.roomId, name: person.name, phoneEnc: person.phoneEnc, phoneMasked: person.phoneMasked ?? maskPhone(resident.login) };
    const who = { id: staff.id, name: staff.name };
    // In-home work beyond the property service: a paid service of ¥50.
    plan('water', mine.roomId, home, contact, who, manager, 2, 'finished', 'app', undefined, 5000);
    plan('electric', mine.roomId, home, contact, who, manager, 0, 'in_progress', 'app');
    plan('doors', mine.roomId, home, contact, who, manager, 20, 'closed', 'app', 5);
  }

  const seq0 = Number((await sql<{ n: number }>`select nextval('rep_order_no_seq')::int as n`.execute(db)).rows[0]!.n);
  orders.sort((a, b) => +new Date(a.reported_at as Date) - +new Date(b.reported_at as Date));
  orders.forEach((o, i) => {
    o.no = orderNumber(new Date(o.reported_at as Date), seq0 + i);
  });
  await db.transaction().execute(async (tx) => {
    await sql`select setval('rep_order_no_seq', ${seq0 + orders.length})`.execute(tx);
    for (let i = 0; i < orders.length; i += 200) await tx.insertInto('rep_orders').values(orders.slice(i, i + 200)).execute();
    for (let i = 0; i < events.length; i += 500) await tx.insertInto('rep_events').values(events.slice(i, i + 500)).execute();
    await recordAudit(
      tx,
      { accountId: SYSTEM_ACTOR.accountId, name: SYSTEM_ACTOR.name },
      { action: 'demo.repairs_seeded', subjectType: 'repair_order', detail: { seed: SEED, orders: orders.length, events: events.length } },
      kernel.clock.now(),
    );
  });
  const { escalated } = await escalateOverdue(kernel);
  return { orders: orders.length, escalated };

  /** One order, its lifecycle up to `status`, and its timeline. */
  function plan(
    category: Category,
    placeId: string,
    compound: { id: string; companyId: string; communityId: string },
    contact: { personId: string; roomId: string; name: string; phoneEnc: string | null; phoneMasked: string | null },
    worker: Account,
    handler: Account,
    ageDays: number,
    forced?: Status,
    forcedChannel?: 'app' | 'phone' | 'counter',
    forcedRating?: number,
    forcedPriceFen?: number,
  ) {
    const limit = DEFAULT_LIMITS[category];
    const reported = now - ageDays * DAY - rng.int(30, 600) * MIN;
    // Recent orders are still open; older ones mostly done.
    const status: Status =
      forced ??
      (ageDays === 0
        ? rng.pick(['submitted', 'submitted', 'accepted', 'dispatched', 'in_progress'] as const)
        : ageDays <= 2
          ? rng.pick(['in_progress', 'finished', 'finished', 'closed', 'submitted'] as const)
          : ageDays <= 8
            ? rng.pick(['finished', 'closed', 'closed', 'in_progress'] as const)
            : rng.pick(['closed', 'closed', 'closed', 'closed', 'returned', 'reopened', 'cancelled'] as const));
    // Only the demo resident has an account: other residents call the office or come to the counter.
    const own = contact.personId === residentPersonId;
    const channel = forcedChannel ?? (own ? 'app' : rng.pick(['phone', 'counter'] as const));
    const id = newId();
    const late = rng.chance(0.12);
    const t = {
      accepted: reported + (late ? limit.responseMinutes + rng.int(10, 240) : rng.int(5, Math.max(6, limit.responseMinutes - 5))) * MIN,
      finished: reported + (late ? limit.completionMinutes + rng.int(60, 1440) : rng.int(limit.responseMinutes + 30, Math.max(limit.responseMinutes + 60, limit.completionMinutes - 60))) * MIN,
    };
    const dispatched = t.accepted + rng.int(5, 60) * MIN;
    const started = dispatched + rng.int(10, 120) * MIN;
    const reached = (s: Status) => {
      const order: Status[] = ['submitted', 'accepted', 'dispatched', 'in_progress', 'finished'];
      const at = status === 'closed' || status === 'reopened' ? 4 : order.indexOf(status);
      return order.indexOf(s) <= at && status !== 'returned' && status !== 'cancelled';
    };
    // Times cannot lie in the future: an open order's next step has simply not happened yet.
    const cap = (x: number) => Math.min(x, now - MIN);
    const finishedAt = cap(t.finished);
    const closeBy = finishedAt + DEFAULT_AUTO_CLOSE_DAYS * DAY;
    // Some old finished orders nobody rated have closed by themselves.
    const autoClosed = status === 'closed' && forcedRating === undefined && closeBy < now && rng.chance(0.2);
    const rating =
      (status === 'closed' && !autoClosed) || status === 'reopened'
        ? (forcedRating ?? (status === 'reopened' ? rng.pick([1, 2]) : rng.pick([5, 5, 5, 5, 4, 4, 4, 3, 2])))
        : null;
    const ratedAt = rating ? cap(finishedAt + rng.int(60, 1440) * MIN) : null;
    const closeReason = status === 'closed' ? (autoClosed ? 'auto' : rating! <= 2 ? 'answered' : 'rated') : null;
    const closedAt =
      status === 'closed' ? cap(autoClosed ? closeBy : rating! <= 2 ? ratedAt! + 120 * MIN : ratedAt!) : status === 'returned' ? cap(t.accepted) : status === 'cancelled' ? cap(reported + 20 * MIN) : null;
    const paid = placeId === contact.roomId && reached('accepted') && (forcedPriceFen !== undefined || rng.chance(0.15));
    const o: Insertable<RepairsDb['rep_orders']> = {
      street_id: streetId,
      id,
      no: '',
      place_id: placeId,
      compound_id: compound.id,
      community_id: compound.communityId,
      company_id: compound.companyId,
      category,
      description: rng.pick(DESCRIPTIONS[category]),
      channel,
      status,
      resident_person_id: contact.personId,
      reported_by: channel === 'app' ? residentAccount.id : worker.id,
      reporter_name: channel === 'app' ? residentAccount.name : worker.name,
      contact_name: contact.name,
      contact_phone_enc: contact.phoneEnc,
      contact_phone_masked: contact.phoneMasked,
      preferred_period: rng.pick(['morning', 'afternoon', 'evening', 'any'] as const),
      reported_at: new Date(reported),
      respond_by: new Date(reported + limit.responseMinutes * MIN),
      complete_by: new Date(reported + limit.completionMinutes * MIN),
      accepted_at: reached('accepted') ? new Date(cap(t.accepted)) : null,
      assignee_id: reached('dispatched') ? worker.id : null,
      assignee_name: reached('dispatched') ? worker.name : null,
      dispatched_at: reached('dispatched') ? new Date(cap(dispatched)) : null,
      started_at: reached('in_progress') ? new Date(cap(started)) : null,
      finished_at: reached('finished') ? new Date(finishedAt) : null,
      finish_note: reached('finished') ? rng.pick(FINISH_NOTES) : null,
      close_by: reached('finished') ? new Date(closeBy) : null,
      closed_at: closedAt === null ? null : new Date(closedAt),
      close_reason: closeReason,
      return_reason: status === 'returned' ? '属于业主户内自有设施，建议联系有资质的维修单位' : null,
      paid_service: paid,
      price_fen: paid ? (forcedPriceFen ?? rng.pick([3000, 5000, 8000, 12000])) : null,
      rating,
      rating_comment: rating ? rng.pick(COMMENTS[rating]!) : null,
      rated_at: ratedAt === null ? null : new Date(ratedAt),
      overdue: reached('accepted') && late,
      updated_at: new Date(reported),
    };
    // A reopened order has a fresh completion deadline from the low rating.
    if (status === 'reopened') o.complete_by = new Date(+o.rated_at! + limit.completionMinutes * MIN);
    orders.push(o);
    const ev = (at: number, actor: Account | null, action: string, from: Status | null, to: Status, note: string | null = null, detail: object | null = null) =>
      events.push({
        street_id: streetId,
        id: newId(),
        order_id: id,
        place_id: placeId,
        at: new Date(cap(at)),
        actor_id: actor?.id ?? null,
        actor_name: actor?.name ?? 'system',
        action,
        from_status: from,
        to_status: to,
        note,
        detail: detail ? JSON.stringify(detail) : null,
      });
    const reporter: Account = { id: o.reported_by, name: o.reporter_name };
    ev(reported, reporter, 'reported', null, 'submitted', null, { channel, photos: 0 });
    if (status === 'cancelled') return void ev(closedAt!, reporter, 'cancelled', 'submitted', 'cancelled', '已自行处理');
    if (status === 'returned') return void ev(closedAt!, handler, 'returned', 'submitted', 'returned', o.return_reason);
    if (reached('accepted')) ev(t.accepted, handler, 'accepted', 'submitted', 'accepted');
    if (reached('dispatched')) ev(dispatched, handler, 'dispatched', 'accepted', 'dispatched', null, { assignee: worker.name });
    if (o.paid_service) ev(dispatched + MIN, handler, 'priced', 'dispatched', 'dispatched', '户内设施维修，按收费标准收取', { paid: true, priceFen: o.price_fen });
    if (reached('in_progress')) ev(started, worker, 'started', 'dispatched', 'in_progress');
    if (reached('finished')) ev(finishedAt, worker, 'finished', 'in_progress', 'finished', o.finish_note, { photos: 0 });
    if (rating !== null) {
      // Residents without an account give their rating on the office's follow-up call (回访).
      const rater = channel === 'app' ? residentAccount : handler;
      ev(ratedAt!, rater, 'rated', 'finished', rating <= 2 ? 'reopened' : 'closed', o.rating_comment, channel === 'app' ? { rating } : { rating, via: 'callback' });
      if (status === 'closed' && rating <= 2) ev(closedAt!, handler, 'answered', 'reopened', 'closed', '已上门回访，向您致歉，并已安排复查');
    }
    if (autoClosed) ev(closedAt!, null, 'auto_closed', 'finished', 'closed');
  }
}
