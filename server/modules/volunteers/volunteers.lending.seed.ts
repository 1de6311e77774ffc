import { type Actor, SYSTEM_ACTOR } from '../../kernel/access/index.ts';
import { createAccount } from '../../kernel/auth/accounts.ts';
import type { Ctx, Kernel } from '../../kernel/context.ts';
import type { DemoSeedContext } from '../../kernel/demo-seed.ts';
import { normalise } from '../../kernel/pii/pii.ts';
import { DEMO_STREET, roomHoldersUnder } from '../registry/index.ts';
import { read, write } from './volunteers.db.ts';
import { cancelLoanRequest } from './use-cases/lending-cancel.ts';
import { declineLoan } from './use-cases/lending-decline.ts';
import { lendLoan } from './use-cases/lending-lend.ts';
import { requestLoan } from './use-cases/lending-request.ts';
import { confirmReturn } from './use-cases/lending-return.ts';
import { createListing } from './use-cases/listings-create.ts';

/** The lending part's draws (demo.random): its own stream. */
export const LENDING_SEED = 23_05;

/** The e2e journey's owner (张明远, 阳光花园) and his book, left available with no request. */
export const E2E_LENDER_PHONE = '13800000001';
export const E2E_BOOK = { title: '三体', author: '刘慈欣', loanDays: 14 } as const;
/** The e2e journey registers this resident as a volunteer: the lending demo leaves her alone too. */
const UNTOUCHED_PHONE = '13800000003';

const DAY = 86_400_000;
/** The demo acting at a moment `days` before the seed's now (10:00 China time that day, plus `hour` hours). */
const back = (ctx: Ctx, now: Date, days: number, hour = 0): Ctx => {
  const day = new Date(now.getTime() + 8 * 3_600_000 - days * DAY).toISOString().slice(0, 10);
  const when = new Date(Date.parse(`${day}T10:00:00+08:00`) + hour * 3_600_000);
  return { ...ctx, kernel: { ...ctx.kernel, clock: { now: () => when } } };
};

interface Item {
  kind: 'tool' | 'book';
  title: string;
  body: string;
  author?: string;
  loanDays: number;
}

/** Believable tools and books neighbours lend each other (the owner draws from these). */
const BOOKS: Item[] = [
  { kind: 'book', title: '平凡的世界', author: '路遥', loanDays: 21, body: '三卷本全套，九成新，孩子高中时读的，欢迎邻居借阅。' },
  { kind: 'book', title: '活着', author: '余华', loanDays: 14, body: '作家出版社版本，书页有少量铅笔批注。' },
  { kind: 'book', title: '红楼梦', author: '曹雪芹', loanDays: 30, body: '人民文学出版社上下册，适合慢慢读。' },
  { kind: 'book', title: '小王子', author: '圣埃克苏佩里', loanDays: 14, body: '中英双语绘本，适合亲子共读。' },
];
const TOOLS: Item[] = [
  { kind: 'tool', title: '铝合金人字梯', loanDays: 3, body: '五步梯，最高 1.5 米，换灯泡、装窗帘都够用，用完请擦干净。' },
  { kind: 'tool', title: '打气筒', loanDays: 7, body: '脚踩式带气压表，自行车、电动车、篮球都能打。' },
  { kind: 'tool', title: '手推车', loanDays: 3, body: '折叠式小推车，搬快递、搬米面油很方便。' },
  { kind: 'tool', title: '电烙铁套装', loanDays: 7, body: '60W 可调温，带焊锡丝和支架，修小家电用。' },
];

/**
 * The residents of a compound (not the logins the journeys use) as actors who can post and borrow: each gets an account
 * matched to their person (the demo password), as a resident who signed up on the H5 would have.
 */
async function neighbours(kernel: Kernel, demo: DemoSeedContext, compoundPath: string, skip: Set<string>, want: number): Promise<Ctx[]> {
  const holders = await roomHoldersUnder(read(kernel), compoundPath, 120);
  const out: Ctx[] = [];
  const rooms = new Set<string>();
  for (const h of holders) {
    if (out.length >= want) break;
    if (skip.has(h.personId) || rooms.has(h.roomId) || !h.phoneEnc) continue;
    rooms.add(h.roomId);
    const accountId = await write({ kernel, actor: SYSTEM_ACTOR }, async (tx) => {
      const existing = await tx.selectFrom('accounts').select('id').where('person_id', '=', h.personId).executeTakeFirst();
      if (existing) return existing.id;
      const phone = normalise(kernel.pii.decrypt(h.phoneEnc!));
      const byPhone = await tx.selectFrom('accounts').select('id').where('phone_hash', '=', kernel.pii.hash(phone)).executeTakeFirst();
      if (byPhone) return null;
      return createAccount(tx, kernel.pii, { phone, displayName: h.name, password: '', passwordHash: demo.passwordHash, personId: h.personId });
    });
    if (!accountId) continue;
    skip.add(h.personId);
    const actor: Actor = { accountId, name: h.name, personId: h.personId, grants: [], requestId: null, locale: 'zh-CN' };
    out.push({ kernel, actor });
  }
  return out;
}

export interface LendingSeedResult {
  skipped?: string;
  items?: number;
  loans?: Record<'requested' | 'declined' | 'cancelled' | 'lent' | 'returned' | 'overdue', number>;
}

/**
 * 工具图书's part of the demo. At 阳光花园 张明远 (13800000001) lends 「三体」 (刘慈欣, 14 days, available, never asked for:
 * the e2e journey borrows it) and 「电钻」 (not asked for either); his neighbours lend 《平凡的世界》 (returned once, then
 * lent 30 days ago for 21 days: overdue), 梯子, 打气筒, 《活着》… with loans in every state; at the second compound
 * two more neighbours lend to each other. 周雨桐 (13800000003) is left out. Through the part's own use cases, at past
 * moments; a second run adds nothing.
 */
export async function seedLending(kernel: Kernel, demo: DemoSeedContext): Promise<LendingSeedResult> {
  const street = demo.get(DEMO_STREET);
  const zhang = await demo.as(E2E_LENDER_PHONE);
  const lin = await demo.as('13800000002');
  if (!street || !zhang?.actor.personId || !lin?.actor.personId) return { skipped: 'no demo street' };
  const sunny = street.compounds[0]!;
  const done = await read(kernel).selectFrom('vol_listings').select('id').where('owner_person_id', '=', zhang.actor.personId).where('title', '=', E2E_BOOK.title).executeTakeFirst();
  if (done) return { skipped: 'already seeded' };
  const rng = demo.random(LENDING_SEED);
  const now = demo.now;
  const skip = new Set<string>([zhang.actor.personId, lin.actor.personId]);
  const untouched = demo.account(UNTOUCHED_PHONE)?.personId;
  if (untouched) skip.add(untouched);
  const [wang, zhao, qian] = await neighbours(kernel, demo, sunny.path, skip, 3);
  if (!wang || !zhao || !qian) return { skipped: 'too few residents at the first compound' };

  const post = async (who: Ctx, compoundId: string, item: Item, daysAgo: number) =>
    (
      await createListing(back(who, now, daysAgo), {
        compoundId,
        kind: item.kind,
        title: item.title,
        body: item.body,
        loanDays: item.loanDays,
        ...(item.author ? { author: item.author } : {}),
      })
    ).id;
  const count = { requested: 0, declined: 0, cancelled: 0, lent: 0, returned: 0, overdue: 0 };
  /** A loan through its steps: asked `daysAgo`, then answered the next hour, lent for `lentDays` before returned. */
  const loan = async (owner: Ctx, borrower: Ctx, listingId: string, daysAgo: number, end: 'requested' | 'declined' | 'cancelled' | 'lent' | 'returned', opts: { note?: string; returnAfter?: number } = {}) => {
    const { id } = await requestLoan(back(borrower, now, daysAgo), listingId, { note: opts.note ?? '' });
    if (end === 'declined') await declineLoan(back(owner, now, daysAgo, 2), id, { reason: '这几天自己要用，过两周再借给您' });
    if (end === 'cancelled') await cancelLoanRequest(back(borrower, now, daysAgo, 1), id);
    if (end === 'lent' || end === 'returned') await lendLoan(back(owner, now, daysAgo, 3), id);
    if (end === 'returned') await confirmReturn(back(owner, now, daysAgo - (opts.returnAfter ?? 5), 9), id);
    count[end]++;
    return id;
  };

  // 张明远: 「三体」 and 「电钻」, neither asked for (his 我的出借 is the journey's alone).
  await post(zhang, sunny.id, { kind: 'tool', title: '电钻', loanDays: 7, body: '博世冲击钻，配一套钻头，打孔挂画、装置物架都行。' }, 60);
  await post(zhang, sunny.id, { kind: 'book', title: E2E_BOOK.title, author: E2E_BOOK.author, loanDays: E2E_BOOK.loanDays, body: '三体全集三册，看完记得和我聊聊黑暗森林。' }, 20);

  // 林晓雯's 《平凡的世界》: read by 赵 last month and back; lent to 王 30 days ago for 21 days — overdue.
  const ordinary = await post(lin, sunny.id, BOOKS[0]!, 60);
  await loan(lin, zhao, ordinary, 55, 'returned', { note: '周末在家慢慢看', returnAfter: 18 });
  await loan(lin, wang, ordinary, 30, 'lent', { note: '想趁假期读完' });
  count.overdue++;

  // 王's ladder: 张明远 has asked for it (waiting); 赵 borrowed it last week and returned it.
  const ladder = await post(wang, sunny.id, TOOLS[0]!, 40);
  await loan(wang, zhao, ladder, 8, 'returned', { returnAfter: 2 });
  await loan(wang, zhang, ladder, 1, 'requested', { note: '想换一下客厅的灯泡' });

  // 赵's pump: lent to 林晓雯 two days ago (due in five days); 《活着》 declined for 钱, cancelled by 王.
  const pump = await post(zhao, sunny.id, TOOLS[1]!, 25);
  await loan(zhao, lin, pump, 2, 'lent', { note: '孩子的自行车没气了' });
  const alive = await post(zhao, sunny.id, BOOKS[1]!, 22);
  await loan(zhao, qian, alive, 6, 'declined');
  await loan(zhao, wang, alive, 4, 'cancelled');
  await loan(zhao, qian, alive, 3, 'requested', { note: '读书会下周讨论这本' });
  // 钱's iron, not yet asked for.
  await post(qian, sunny.id, TOOLS[3]!, 12);
  let items = 7;

  // The second compound: two neighbours lend each other a book and a cart.
  const second = street.compounds[1];
  if (second) {
    const [a, b] = await neighbours(kernel, demo, second.path, skip, 2);
    if (a && b) {
      const book = BOOKS[2 + rng.int(0, 1)]!;
      const red = await post(a, second.id, book, 45);
      await loan(a, b, red, 40, 'returned', { returnAfter: 20 });
      const cart = await post(b, second.id, TOOLS[2]!, 18);
      await loan(b, a, cart, 1, 'lent', { note: '周六买米用一下' });
      items += 2;
    }
  }
  return { items, loans: count };
}
