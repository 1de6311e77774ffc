import { pathLabel, SYSTEM_ACTOR } from '../../kernel/access/index.ts';
import type { Ctx, Kernel } from '../../kernel/context.ts';
import type { DemoSeedContext } from '../../kernel/demo-seed.ts';
import { approveStatement, generatePayouts, payStatement, periodContaining, previousPeriod, reviewStatement } from '../../kernel/payouts/payouts.ts';
import { withIdChecksum } from '../../kernel/pii/pii.ts';
import { currentMembersOfRoom, DEMO_STREET } from '../registry/index.ts';
import { COLLECTION_PAYOUT_KIND } from './grid.collection.constants.ts';
import type { RecordBody } from './grid.collection.schemas.ts';
import { read } from './grid.db.ts';
import { createCommission } from './use-cases/collection-commission-create.ts';
import { checkRecord } from './use-cases/collection-record-check.ts';
import { submitRecord } from './use-cases/collection-record-submit.ts';
import { setCollectionSettings } from './use-cases/collection-settings-set.ts';
import { spotCheckRecord } from './use-cases/collection-spot-check.ts';

/** The collection part's draws: its own stream. */
export const COLLECTION_SEED = 2424;
/**
 * The room the e2e journey registers a new tenant in: 阳光花园 1栋1单元1801. The demo's collection records stay out
 * of 1栋 and 2栋 (where the demo logins live), and the seed checks that this room has no tenant.
 */
export const E2E_FREE_ROOM = { building: '1栋', unit: '1单元', room: '1801' };

const DAY = 86_400_000;
const HOUR = 3_600_000;
const PHOTO = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const VOUCHER_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);

/** The same actor at a moment of the demo's past: what it records carries that time. */
const at = (ctx: Ctx, when: Date): Ctx => ({ kernel: { ...ctx.kernel, clock: { now: () => when } }, actor: ctx.actor });
const dayOf = (d: Date) => new Date(d.getTime() + 8 * HOUR).toISOString().slice(0, 10);

type Who = 'wangge' | 'wuyestaff' | 'wuye';
type Step = { who: Who; compound: 0 | 1; body: Omit<RecordBody, 'placeId'> & { placeId?: string }; room?: 'free' | 'leaver'; building?: number; photo?: boolean };
type Plan = Step & { month: 'last' | 'this'; day: number; check?: 'new' | 'known' | 'wrong'; reason?: string; spot?: 'passed' | 'failed' };

const SURNAMES = ['刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '罗'];
const GIVEN = ['浩然', '子涵', '欣怡', '宇轩', '思远', '雨萱', '俊杰', '晓峰', '佳怡', '志强', '文静', '建国', '丽娟', '海波'];

/**
 * The collection part of the demo on 安和社区: the street (首月全部抽查, then 10%) commissions 锦华物业服务有限公司 for
 * 阳光花园 and 和园小区; 16 records by the grid worker 王格 (wangge) and 锦华's property staff (wuyestaff), checked by
 * 安和社区 (juweihui) — last month's all verified or answered, every spot check done, the company's statement
 * generated, reviewed, approved and paid; this month's in every status: waiting, verified new (a tenant arriving, an
 * owner waiting for the registry's second approver), already known, wrong, spot checks pending. Legal persons (小卖部,
 * 理发店, 快递驿站 …) and components (消火栓, 路灯, 井盖 …). Nothing in 1栋 or 2栋 of 阳光花园, nor in a room where a demo
 * login lives. A no-op once records exist.
 */
export async function seedCollection(kernel: Kernel, demo: DemoSeedContext) {
  const street = demo.get(DEMO_STREET);
  if (!street) return undefined;
  const db = read(kernel);
  if (await db.selectFrom('grid_records').select('id').where('street_id', '=', street.street.id).limit(1).executeTakeFirst()) return undefined;
  const [wangge, wuyestaff, wuye, juweihui, official, shuji] = await Promise.all(['wangge', 'wuyestaff', 'wuye', 'juweihui', 'street', 'shuji'].map((l) => demo.as(l)));
  if (!wangge || !wuyestaff || !wuye || !juweihui || !official || !shuji) return undefined;
  const rng = demo.random(COLLECTION_SEED);
  const now = demo.now;
  const thisMonth = periodContaining('month', now);
  const lastMonth = previousPeriod('month', now);
  const moment = (month: 'last' | 'this', day: number, hour: number) => {
    const start = (month === 'last' ? lastMonth : thisMonth).start.getTime();
    const t = start + (day - 1) * DAY + hour * HOUR;
    // This month's records stay before now.
    return new Date(month === 'this' ? Math.min(t, now.getTime() - (20 - hour) * 60_000) : t);
  };
  const [sunny, heyuan] = [street.compounds[0]!, street.compounds[1]!];

  // The street's settings and commissions: from the start of last month, every verified record drawn (首月全部抽查).
  await setCollectionSettings(at(official, moment('last', 1, 1)), { incentiveFen: 500, spotCheckBp: 10_000 });
  for (const c of [sunny, heyuan]) {
    await createCommission(at(official, moment('last', 1, 2)), {
      companyId: c.propertyCompanyId!,
      compoundId: c.id,
      validFrom: lastMonth.firstDay,
      note: c === sunny ? '街道与锦华物业签订四个实有采集委托协议（2026年度）' : '和园小区纳入委托采集范围',
    });
  }

  // Rooms of 阳光花园 and 和园小区 from 3栋 on (1栋 and 2栋 are the logins' and the e2e's), with their members.
  const roomsOf = async (compound: { path: string }) =>
    db
      .selectFrom('street_places as p')
      .select(['p.id', pathLabel('p.path', ['building']).as('building'), pathLabel('p.path', ['compound', 'building', 'unit', 'room']).as('label')])
      .where('p.kind', '=', 'room')
      .where('p.path', 'like', `${compound.path}%`)
      .orderBy('p.path')
      .execute();
  const usable = async (compound: { path: string }) => (await roomsOf(compound)).filter((r) => !['1栋', '2栋'].includes(r.building));
  const pools = [await usable(sunny), await usable(heyuan)];
  const taken = new Set<string>();
  const logins = new Set(demo.accounts.map((a) => a.personId).filter((p): p is string => !!p));
  const pickRoom = async (compound: 0 | 1, want: 'free' | 'leaver'): Promise<{ roomId: string; personId?: string }> => {
    for (let tries = 0; tries < 400; tries++) {
      const room = rng.pick(pools[compound]!);
      if (taken.has(room.id)) continue;
      const members = await currentMembersOfRoom(db, room.id);
      // Never a room where a demo login lives (林晓雯 rents 3栋1单元502): their journeys need their homes as seeded.
      if (members.some((m) => logins.has(m.personId))) continue;
      if (want === 'free' && members.some((m) => m.relations.includes('tenant'))) continue;
      if (want === 'free' && members.length === 0) continue;
      const leaver = members.find((m) => m.relations.every((r) => r === 'tenant' || r === 'family'));
      if (want === 'leaver' && !leaver) continue;
      taken.add(room.id);
      return { roomId: room.id, personId: leaver?.personId };
    }
    throw new Error('collection demo: no room found');
  };
  const sites = async (compound: 0 | 1) => {
    const c = compound === 0 ? sunny : heyuan;
    const buildings = await db.selectFrom('street_places').select(['id', 'name']).where('kind', '=', 'building').where('path', 'like', `${c.path}%`).orderBy('path').execute();
    return { compound: c.id, buildings: buildings.filter((b) => !['1栋', '2栋'].includes(b.name)) };
  };
  const person = () => {
    const name = rng.pick(SURNAMES) + rng.pick(GIVEN);
    const born = 1970 + rng.int(0, 30);
    const id = withIdChecksum(`130102${born}${String(rng.int(1, 12)).padStart(2, '0')}${String(rng.int(1, 28)).padStart(2, '0')}${String(rng.int(100, 999))}`);
    return { name, idNumber: id, phone: `13${rng.int(5, 9)}${String(rng.int(0, 99_999_999)).padStart(8, '0')}` };
  };
  const lease = (month: 'last' | 'this', day: number) => {
    const start = dayOf(moment(month, day, 10));
    return { date: start, contractStart: start, contractEnd: `${Number(start.slice(0, 4)) + 1}${start.slice(4)}` };
  };

  const plans: Plan[] = [
    { month: 'last', day: 3, who: 'wuyestaff', compound: 0, room: 'free', body: { kind: 'resident_arrival', relation: 'tenant', ...lease('last', 2) }, check: 'new', spot: 'passed' },
    { month: 'last', day: 5, who: 'wuyestaff', compound: 0, room: 'free', body: { kind: 'resident_arrival', relation: 'family', date: dayOf(moment('last', 4, 10)) }, check: 'new', spot: 'passed' },
    { month: 'last', day: 6, who: 'wuyestaff', compound: 0, building: 2, body: { kind: 'legal_person', name: '阳光便民小卖部', legalKind: 'individual_business', contact: '许女士', location: '3栋底商东侧第二间' }, check: 'new', spot: 'passed' },
    { month: 'last', day: 8, who: 'wuyestaff', compound: 0, body: { kind: 'component', componentKind: 'fire_hydrant', condition: 'damaged', location: '5栋东侧消防通道旁，阀门锈蚀无法开启' }, photo: true, check: 'new', spot: 'failed' },
    { month: 'last', day: 10, who: 'wuyestaff', compound: 0, room: 'free', body: { kind: 'resident_arrival', relation: 'tenant', ...lease('last', 9) }, check: 'known', reason: '该住户上月已由网格员登记' },
    { month: 'last', day: 12, who: 'wangge', compound: 1, building: 0, body: { kind: 'legal_person', name: '美发工作室', legalKind: 'individual_business', contact: '冯师傅', location: '4栋一层临街门面' }, check: 'new', spot: 'passed' },
    { month: 'last', day: 14, who: 'wangge', compound: 1, body: { kind: 'component', componentKind: 'street_lamp', condition: 'good', location: '中心花园北侧步道第 3 盏' }, check: 'new', spot: 'passed' },
    { month: 'last', day: 18, who: 'wuyestaff', compound: 0, room: 'free', body: { kind: 'resident_arrival', relation: 'tenant', ...lease('last', 17) }, check: 'wrong', reason: '身份证号与姓名不符，已退回核对' },
    { month: 'last', day: 22, who: 'wuye', compound: 1, building: 3, body: { kind: 'legal_person', name: '邻里快递驿站', legalKind: 'shop', contact: '秦先生', location: '8栋架空层' }, check: 'new' },
    { month: 'this', day: 1, who: 'wuyestaff', compound: 0, room: 'free', body: { kind: 'resident_arrival', relation: 'tenant', ...lease('this', 1) }, check: 'new' },
    { month: 'this', day: 1, who: 'wangge', compound: 0, room: 'free', body: { kind: 'resident_arrival', relation: 'owner', shareBp: 10_000, date: dayOf(moment('this', 1, 9)) }, check: 'new' },
    { month: 'this', day: 1, who: 'wangge', compound: 0, room: 'leaver', body: { kind: 'resident_departure', date: dayOf(moment('this', 1, 9)) }, check: 'new' },
    { month: 'this', day: 2, who: 'wuye', compound: 1, body: { kind: 'component', componentKind: 'manhole_cover', condition: 'missing', location: '6栋北门车行道，井盖缺失已临时围挡' }, photo: true },
    { month: 'this', day: 2, who: 'wuyestaff', compound: 0, room: 'leaver', body: { kind: 'resident_departure', date: dayOf(moment('this', 2, 9)) } },
    { month: 'this', day: 2, who: 'wangge', compound: 0, building: 4, body: { kind: 'legal_person', name: '和悦家政服务有限公司', legalKind: 'company', creditCode: '91130102MA0G8K2L3X', contact: '唐经理', location: '7栋1单元101（住改商，已报备）' } },
    { month: 'this', day: 2, who: 'wangge', compound: 0, room: 'free', body: { kind: 'resident_arrival', relation: 'tenant', ...lease('this', 2) } },
  ];

  const ctxOf = { wangge, wuyestaff, wuye };
  const made: { id: string; plan: Plan }[] = [];
  let spotsSet = false;
  for (const [i, plan] of plans.entries()) {
    if (plan.month === 'this' && !spotsSet) {
      // From this month the street draws one verified record in ten.
      await setCollectionSettings(at(official, moment('this', 1, 0)), { incentiveFen: 500, spotCheckBp: 1000 });
      spotsSet = true;
    }
    const when = moment(plan.month, plan.day, 9 + (i % 8));
    const body = { ...plan.body } as RecordBody;
    if (plan.room) {
      const r = await pickRoom(plan.compound, plan.room);
      body.placeId = r.roomId;
      if (plan.room === 'leaver') body.personId = r.personId;
      else Object.assign(body, person());
      if (body.relation === 'tenant') body.landlordName = '房东（业主）';
    } else {
      const s = await sites(plan.compound);
      body.placeId = plan.building === undefined ? s.compound : s.buildings[plan.building % s.buildings.length]!.id;
    }
    if (body.relation === 'tenant' && plan.room === 'free') {
      const owner = (await currentMembersOfRoom(db, body.placeId)).find((m) => m.relations.includes('owner'));
      if (owner) {
        body.landlordPersonId = owner.personId;
        delete body.landlordName;
      }
    }
    const photos = plan.photo ? [{ filename: '现场照片.png', content: PHOTO }] : [];
    const { id } = await submitRecord(at(ctxOf[plan.who], when), body, photos);
    made.push({ id, plan });
    if (plan.check) await checkRecord(at(juweihui, new Date(when.getTime() + 5 * HOUR)), id, { outcome: plan.check, reason: plan.reason });
    if (plan.spot) await spotCheckRecord(at(official, new Date(when.getTime() + 3 * DAY)), id, { passed: plan.spot === 'passed', note: plan.spot === 'passed' ? '现场复核一致' : '现场复核与上报不符' });
  }
  // A component found again this month: the damaged hydrant repaired.
  const hydrant = await db.selectFrom('grid_components').select(['id', 'place_id']).where('street_id', '=', street.street.id).where('kind', '=', 'fire_hydrant').executeTakeFirst();
  if (hydrant) {
    const { id } = await submitRecord(at(wangge, moment('this', 1, 15)), { kind: 'component', placeId: hydrant.place_id, componentId: hydrant.id, componentKind: 'fire_hydrant', condition: 'good', location: '5栋东侧消防通道旁，阀门已更换' });
    await checkRecord(at(juweihui, moment('this', 1, 17)), id, { outcome: 'new' });
  }

  // Last month's statement: generated by the job, reviewed by the community, approved and paid by the street.
  const system: Ctx = { kernel, actor: SYSTEM_ACTOR };
  await generatePayouts(at(system, now), { kind: COLLECTION_PAYOUT_KIND, streetId: street.street.id, period: lastMonth.label });
  const statement = await db.selectFrom('payout_statements').select('id').where('kind', '=', COLLECTION_PAYOUT_KIND).where('period', '=', lastMonth.label).where('street_id', '=', street.street.id).executeTakeFirst();
  if (statement) {
    await reviewStatement(shuji, statement.id, '已与采集台账核对');
    await approveStatement(official, statement.id, '同意支付');
    await payStatement(official, statement.id, async () => ({ voucherNo: `记-${lastMonth.label}-采集`, upload: { filename: '付款凭证.pdf', mimetype: 'application/pdf', content: VOUCHER_PDF } }));
  }
  demo.notes.push('四个实有：网格员 wangge 在手机上打开 /grid/collection/new 采集新入住人员；居委会 juweihui 在 /grid/collection 核实（阳光花园 1栋1单元1801 留作演示，无租户）。');
  const byStatus: Record<string, number> = {};
  for (const r of await db.selectFrom('grid_records').select('status').where('street_id', '=', street.street.id).execute()) byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
  return { records: made.length + (hydrant ? 1 : 0), byStatus, statement: statement?.id ?? null };
}
