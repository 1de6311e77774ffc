import { findPlace, isSystem, SYSTEM_ACTOR } from '../../kernel/access/index.ts';
import { audit, type Ctx, type Kernel } from '../../kernel/context.ts';
import type { DemoSeedContext } from '../../kernel/demo-seed.ts';
import { newId } from '../../kernel/ids.ts';
import { DEMO_STREET, meetingBodiesAt } from '../registry/index.ts';
import { read, type Tx, write } from './deliberation.db.ts';
import { insertEvent, insertItem } from './deliberation.repository.ts';
import { BUILDING_LEADERS } from './meetings.constants.ts';
import { addMeetingAttendee } from './use-cases/add-meeting-attendee.ts';
import { CONSULTING } from './use-cases/change-meeting-agenda.ts';
import { closeMeeting } from './use-cases/close-meeting.ts';
import { createMeeting, insertMeeting } from './use-cases/create-meeting.ts';
import { createMeetingSchedule } from './use-cases/create-meeting-schedule.ts';
import { recordMeetingOutcome } from './use-cases/record-meeting-outcome.ts';
import { saveMeetingMinutes } from './use-cases/save-meeting-minutes.ts';
import { setMeetingPositions } from './use-cases/set-meeting-positions.ts';
import { signInByStaff } from './use-cases/sign-in-meeting.ts';

const DAY = 86_400_000;

/**
 * An item a meeting itself puts up for consultation (source 'meeting'), straight into stage 3: what the demo and the
 * meetings' tests use when the items part has not made consulting items at the place.
 */
export async function proposeMeetingItem(tx: Tx, ctx: Ctx, input: { placeId: string; title: string; description?: string }) {
  const place = (await findPlace(tx, input.placeId))!;
  const now = ctx.kernel.clock.now();
  const id = newId();
  const { code } = await insertItem(tx, {
    streetId: place.street_id!,
    id,
    placeId: place.id,
    title: input.title,
    description: input.description ?? '',
    sourceKind: 'meeting',
    source: { refId: null, label: '联席会议提出' },
    stage: CONSULTING,
    listedAt: now,
    isPublic: true,
    createdBy: isSystem(ctx.actor) ? null : ctx.actor.accountId,
    at: now,
    year: Number(now.toISOString().slice(0, 4)),
  });
  await insertEvent(tx, { streetId: place.street_id!, itemId: id, at: now, actorId: null, actorName: '系统', kind: 'proposed', to: CONSULTING, note: '联席会议提出，进入会议协商' });
  await audit(tx, ctx, { action: 'deliberation.meeting.item_proposed', placeId: place.id, subjectType: 'deliberation_item', subjectId: id, after: { code, title: input.title } });
  return { id, code };
}

const SEED_ITEMS = [
  { title: '阳光花园南门电动车充电棚建设', description: '南门附近电动车乱停乱充，存在消防隐患，建议建设集中充电棚。' },
  { title: '小区二次供水水箱清洗频次', description: '居民反映水质偶有浑浊，建议明确水箱清洗频次并公示检测结果。' },
  { title: '垃圾分类投放点夜间照明', description: '3 号楼旁投放点夜间无照明，老人投放不便。' },
];

/**
 * Joint meetings in the demo, at 阳光花园's community: a monthly 三驾马车 schedule; a meeting held a week ago with
 * attendance, each body's positions, minutes (internal) and outcomes — its items decided and now executing; and an
 * upcoming meeting with its notices sent, its agenda the items still in consultation. Written through the use cases
 * as the community's party secretary (shuji). A no-op once meetings exist.
 */
export async function seedMeetingsDemo(kernel: Kernel, demo: DemoSeedContext): Promise<{ meetings: number; schedules: number }> {
  if (await read(kernel).selectFrom('dlb_meetings').select('id').limit(1).executeTakeFirst()) return { meetings: 0, schedules: 0 };
  const street = demo.get(DEMO_STREET);
  const shuji = await demo.as('shuji');
  if (!street || !shuji) return { meetings: 0, schedules: 0 };
  const compound = street.compounds[0]!;
  const community = (await findPlace(read(kernel), compound.communityId))!;
  const place = { id: community.id, path: community.path, street_id: community.street_id! };
  const bodies = await meetingBodiesAt(read(kernel), { path: place.path, streetId: place.street_id });
  const convener = bodies.find((b) => b.kind === 'party_org' && b.placeId === community.id)!;
  const atCommunity = bodies.filter((b) => b.placeId === community.id).map((b) => b.id);
  // 三驾马车 of 阳光花园: the community's organisations, the compound's owners' committee and its property company.
  const ofCompound = bodies.filter((b) => (b.kind === 'owners_committee' && b.placeId === compound.id) || b.id === compound.propertyCompanyId).map((b) => b.id);
  const invited = [...atCommunity, ...ofCompound];

  // Items in consultation under the community: the items part's if it made some, else the meeting's own.
  let items = await read(kernel)
    .selectFrom('dlb_items as i')
    .innerJoin('places as p', 'p.id', 'i.place_id')
    .select(['i.id', 'i.title'])
    .where('i.stage', '=', CONSULTING)
    .where('p.path', 'like', `${community.path}%`)
    .orderBy('i.code')
    .limit(3)
    .execute();
  if (items.length < 3) {
    const system: Ctx = { kernel, actor: SYSTEM_ACTOR };
    const made = await write(system, async (tx) => {
      const out = [];
      for (const item of SEED_ITEMS.slice(items.length)) out.push({ ...(await proposeMeetingItem(tx, system, { placeId: compound.id, ...item })), title: item.title });
      return out;
    });
    items = [...items, ...made];
  }

  const schedule = await createMeetingSchedule(shuji, {
    placeId: community.id,
    title: `${community.name}三驾马车月度例会`,
    kind: 'three_carriages',
    convenerKind: 'party_org',
    convenerOrgId: convener.id,
    bodies: invited,
    frequency: 'monthly',
    day: 10,
    atTime: '19:30',
    location: `${community.name}党群服务中心二楼会议室`,
  });

  // The meeting held a week ago (the use cases refuse a time in the past for a new meeting; the seed writes history).
  const heldAt = new Date(Math.floor((demo.now.getTime() - 7 * DAY) / DAY) * DAY + 11.5 * 3_600_000);
  const held = await write(shuji, (tx) =>
    insertMeeting(tx, shuji, {
      place,
      title: `${compound.name}电动车充电与二次供水问题联席会议`,
      kind: 'joint',
      convenerKind: 'party_org',
      convenerOrgId: convener.id,
      startsAt: heldAt,
      location: `${community.name}党群服务中心一楼议事厅`,
      bodies: [...invited, BUILDING_LEADERS].filter((b, i, all) => all.indexOf(b) === i),
      itemIds: items.slice(0, 2).map((i) => i.id),
    }),
  );
  const heldId = held!.id;
  const detail = await read(kernel).selectFrom('dlb_meeting_attendees').select(['id']).where('meeting_id', '=', heldId).orderBy('name').execute();
  await addMeetingAttendee(shuji, heldId, { name: '街道城管科代表', note: '安和街道城市管理科' });
  for (const a of detail.slice(0, Math.max(1, detail.length - 2))) await signInByStaff(shuji, heldId, a.id);
  const stances = ['support', 'support', 'conditional', 'support', 'abstain'] as const;
  const meetingBodies = await read(kernel).selectFrom('dlb_meeting_bodies').select('body_key').where('meeting_id', '=', heldId).orderBy('kind').execute();
  for (const [n, item] of items.slice(0, 2).entries()) {
    await setMeetingPositions(shuji, heldId, item.id, {
      positions: meetingBodies.map((b, i) => ({
        bodyKey: b.body_key,
        stance: stances[(i + n) % stances.length]!,
        ...(stances[(i + n) % stances.length] === 'conditional' ? { note: '须先征求相邻楼栋业主意见' } : {}),
      })),
    });
  }
  await recordMeetingOutcome(shuji, heldId, items[0]!.id, { kind: 'decided', text: '在南门西侧绿化带外建设充电棚，物业公司 30 日内完成选址公示与施工，费用从公共收益列支。' });
  await recordMeetingOutcome(shuji, heldId, items[1]!.id, { kind: 'decided', text: '水箱每季度清洗一次，每次清洗后 3 日内在公告栏和线上公示水质检测报告。' });
  await saveMeetingMinutes(shuji, heldId, {
    minutes:
      '一、充电棚：各方同意建设，业委会要求施工前征求 1、2 号楼业主意见；物业公司负责选址公示和施工。\n二、二次供水：物业公司承诺按季度清洗并公示检测报告，社区居委会负责监督。\n三、下次会议听取两项工作进展。',
    minutesPublic: false,
  });
  await closeMeeting(shuji, heldId);

  // The next meeting in three days, notices sent; the remaining item on its agenda.
  const nextAt = new Date(Math.floor((demo.now.getTime() + 3 * DAY) / DAY) * DAY + 11.5 * 3_600_000);
  await createMeeting(shuji, {
    placeId: community.id,
    title: `${compound.name}垃圾分类投放点改造联席会议`,
    kind: 'joint',
    convenerKind: 'party_org',
    convenerOrgId: convener.id,
    startsAt: nextAt.toISOString(),
    location: `${community.name}党群服务中心一楼议事厅`,
    bodies: invited,
    itemIds: items.slice(2).map((i) => i.id),
  });
  return { meetings: 2, schedules: schedule.id ? 1 : 0 };
}
