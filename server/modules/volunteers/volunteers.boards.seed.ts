import { deflateSync, crc32 } from 'node:zlib';
import { isSystem, SYSTEM_ACTOR } from '../../kernel/access/index.ts';
import type { Ctx, Kernel } from '../../kernel/context.ts';
import type { DemoSeedContext } from '../../kernel/demo-seed.ts';
import { DEMO_STREET, roomHoldersUnder } from '../registry/index.ts';
import { read } from './volunteers.db.ts';
import { reportListing } from './use-cases/boards-report.ts';
import { requestListing } from './use-cases/boards-requests.ts';
import { acceptRequest } from './use-cases/boards-requests-decide.ts';
import { markGiven } from './use-cases/boards-give.ts';
import { createListing, type ListingBody } from './use-cases/listings-create.ts';
import { addBannedWord } from './use-cases/moderation-banned-words.ts';
import { hideListing } from './use-cases/moderation-hide.ts';

/** The boards part's draws: its own stream. */
export const BOARDS_SEED = 2369;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
export const DEMO_BANNED_WORDS = ['微信转账', '代开发票', '高利贷', '赌博', '套现', '刷单'];

/** A small PNG of an item (a coloured card with a darker block), made without a canvas. */
export function itemPng(seed: number, width = 120, height = 90): Buffer {
  const base = [
    [236, 222, 200],
    [210, 226, 238],
    [222, 236, 214],
    [240, 214, 214],
  ][seed % 4]!;
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    for (let x = 0; x < width; x++) {
      const inside = x > 25 + (seed % 10) && x < width - 25 && y > 20 && y < height - 15;
      const [r, g, b] = inside ? base.map((c) => c - 90) : base;
      raw[row + 1 + x * 3] = r!;
      raw[row + 2 + x * 3] = g!;
      raw[row + 3 + x * 3] = b!;
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body) >>> 0);
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/** The next weekday (Monday–Friday) at least `fromDays` days after `now`, at hh:mm Shanghai time. */
function weekdayAt(now: Date, fromDays: number, hour: number, minute: number): Date {
  for (let d = fromDays; ; d++) {
    const day = new Date(now.getTime() + 8 * HOUR + d * DAY);
    const dow = day.getUTCDay();
    if (dow === 0 || dow === 6) continue;
    return new Date(`${day.toISOString().slice(0, 10)}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+08:00`);
  }
}

const CARPOOLS: { role: 'offer' | 'seek'; title: string; from: string; to: string; days: number; hour: number; minute: number; seats: number; body: string }[] = [
  { role: 'offer', title: '工作日早上顺路去和平区人民医院', from: '阳光花园北门', to: '和平区人民医院', days: 1, hour: 7, minute: 30, seats: 3, body: '每个工作日 7:30 从北门出发，途经人民路，可捎带看病或上班的邻居。' },
  { role: 'seek', title: '周末求顺风车去高铁东站', from: '小区南门', to: '高铁东站', days: 3, hour: 8, minute: 0, seats: 2, body: '两位老人带一个行李箱，赶 9:40 的车，感谢邻居帮忙。' },
  { role: 'offer', title: '下班顺路回小区，可带两位', from: '市民中心', to: '小区东门', days: 1, hour: 18, minute: 0, seats: 2, body: '18:00 从市民中心地下车库出发。' },
];
const ITEMS: { title: string; body: string }[] = [
  { title: '婴儿推车（可平躺）', body: '孩子大了用不上，九成新，可折叠，送给有需要的邻居。' },
  { title: '实木书桌', body: '1.2 米实木书桌，有轻微划痕，需自提，楼下有电梯。' },
  { title: '电饭煲（4 升）', body: '换了新的，旧的功能正常，内胆无涂层脱落。' },
  { title: '儿童自行车 16 寸', body: '适合 5–8 岁，带辅助轮，刹车正常。' },
  { title: '三层书架', body: '白色三层书架，拆装方便，免费送。' },
];

/** The system acting as a registry person of the demo at a moment of its past (a neighbour without a login). */
const asPerson = (kernel: Kernel, when: Date, person: { personId: string; name: string }, accountId = SYSTEM_ACTOR.accountId): Ctx => ({
  kernel: { ...kernel, clock: { now: () => when } },
  actor: { ...SYSTEM_ACTOR, accountId, name: person.name, personId: person.personId },
});
const at = (ctx: Ctx, when: Date): Ctx => ({ ...ctx, kernel: { ...ctx.kernel, clock: { now: () => when } } });

/**
 * The boards' part of the demo: the street's banned words (kept by 安和社区's committee staff), and at the demo's
 * compounds a few carpool offers and requests (阳光花园 → 和平区人民医院 on weekdays at 7:30, posted by 张明远 with
 * one seat taken by a neighbour), second-hand items with photos (one reserved, one given), one listing reported by
 * two neighbours waiting in the moderation queue, and one hidden with a reason. 周雨桐 (13800000003) is left alone.
 */
export async function seedBoards(kernel: Kernel, demo: DemoSeedContext): Promise<{ skipped?: string; words?: number; listings?: number; reported?: number; hidden?: number }> {
  const street = demo.get(DEMO_STREET);
  if (!street) return { skipped: 'no demo street' };
  const streetId = street.street.id;
  if (await read(kernel).selectFrom('vol_banned_words').select('id').where('street_id', '=', streetId).executeTakeFirst()) return { skipped: 'seeded already' };
  const moderator = await demo.as('juweihui');
  if (!moderator) return { skipped: 'no juweihui' };
  const rng = demo.random(BOARDS_SEED);
  const now = demo.now;
  const ago = (hours: number) => new Date(now.getTime() - hours * HOUR);

  for (const word of DEMO_BANNED_WORDS) await addBannedWord(at(moderator, ago(24 * 30)), { word, placeId: streetId });

  const zhang = await demo.as('13800000001');
  const lin = await demo.as('13800000002');
  const zhou = demo.account('13800000003');
  const logins = new Set([zhang?.actor.personId, lin?.actor.personId, zhou?.personId].filter(Boolean));
  let listings = 0;
  let reported = 0;
  let hidden = 0;
  const post = async (ctx: Ctx, body: ListingBody, photos = 0) => {
    // A photo is stored under its uploader's account: only the neighbours with a login post theirs here.
    const files = Array.from({ length: isSystem(ctx.actor) ? 0 : photos }, (_, i) => ({ filename: `item-${listings}-${i}.png`, content: itemPng(listings + i) }));
    listings++;
    return (await createListing(ctx, body, files)).id;
  };

  for (const [ci, compound] of street.compounds.slice(0, 3).entries()) {
    const holders = (await roomHoldersUnder(read(kernel), compound.path, 40)).filter((h, i, all) => !logins.has(h.personId) && all.findIndex((o) => o.personId === h.personId) === i);
    if (holders.length < 8) continue;
    const pickNeighbour = () => holders.splice(rng.int(0, holders.length - 1), 1)[0]!;
    const neighbour = (hoursAgo: number) => asPerson(kernel, ago(hoursAgo), pickNeighbour());
    const first = ci === 0;

    // Carpools: in 阳光花园 张明远 drives to the hospital on weekdays; a neighbour has a seat.
    for (const [k, c] of CARPOOLS.entries()) {
      if (!first && k === 2) continue;
      const hoursAgo = rng.int(3, 30);
      const owner = first && k === 0 && zhang ? at(zhang, ago(hoursAgo)) : neighbour(hoursAgo);
      const from = c.from.startsWith('阳光花园') ? c.from.replace('阳光花园', compound.name) : c.from;
      const id = await post(owner, {
        compoundId: compound.id,
        kind: 'carpool',
        title: c.title,
        body: c.body,
        carpoolRole: c.role,
        routeFrom: from,
        routeTo: c.to,
        departsAt: weekdayAt(now, c.days, c.hour, c.minute),
        seats: c.seats,
      });
      if (k === 0) {
        const asker = pickNeighbour();
        const request = await requestListing(asPerson(kernel, ago(2), asker), id, { seats: 1, message: '我在医院上班，想每天搭个车，谢谢！' });
        await acceptRequest(at(owner, ago(1)), request.id);
      }
    }

    // Second-hand items with photos: one reserved for a neighbour, one given.
    const items = first ? ITEMS : ITEMS.slice(ci, ci + 3);
    for (const [k, item] of items.entries()) {
      const hoursAgo = rng.int(6, 24 * 10);
      const owner = first && k === 1 && lin ? at(lin, ago(hoursAgo)) : first && k === 0 && zhang ? at(zhang, ago(hoursAgo)) : neighbour(hoursAgo);
      const id = await post(owner, { compoundId: compound.id, kind: 'secondhand', title: item.title, body: item.body }, 1 + (k % 2));
      if (k === 0 || k === 2) {
        const asker = asPerson(kernel, ago(hoursAgo / 2), pickNeighbour());
        const request = await requestListing(asker, id, { message: '您好，我想要，方便的话今晚来取。' });
        await acceptRequest(at(owner, ago(hoursAgo / 3)), request.id);
        if (k === 2) await markGiven(at(owner, ago(hoursAgo / 4)), id);
      }
    }

    if (first) {
      // One listing reported by two neighbours, waiting in the moderation queue; one hidden with a reason.
      const ad = await post(neighbour(20), { compoundId: compound.id, kind: 'secondhand', title: '全新空气净化器低价转让', body: '厂家直销，批量有货，要的私聊，价格好商量。' });
      await reportListing(neighbour(8), ad, '像是商家广告，不是邻居闲置');
      await reportListing(neighbour(5), ad, '同一个人在多个小区群里发过，疑似推销');
      reported++;
      const card = await post(neighbour(50), { compoundId: compound.id, kind: 'secondhand', title: '超市购物卡九折转让', body: '面值 1000 元的购物卡，九折转，可先验卡。' });
      await reportListing(neighbour(40), card, '购物卡折价转让，涉嫌违规交易');
      await hideListing(at(moderator, ago(30)), card, '涉及购物卡折价转让，属于平台不允许的交易，已隐藏。');
      hidden++;
    }
  }
  return { words: DEMO_BANNED_WORDS.length, listings, reported, hidden };
}
