import { decideApproval } from '../../kernel/approvals/approvals.ts';
import type { Ctx, Kernel } from '../../kernel/context.ts';
import type { DemoSeedContext } from '../../kernel/demo-seed.ts';
import { newId } from '../../kernel/ids.ts';
import { DEMO_STREET } from '../registry/index.ts';
import { read, write } from './decisions.db.ts';
import { writeSeededBallots } from './decisions.seed-ballots.ts';
import type { VettingDepartmentKind } from './decisions.tables.ts';
import type { Choice } from './tally.ts';
import { applyClose } from './use-cases/close-decision.ts';
import { correctCandidacy } from './use-cases/correct-candidacy.ts';
import { createElection } from './use-cases/create-election.ts';
import { nominateCandidate } from './use-cases/nominate-candidate.ts';
import { requestOpen } from './use-cases/open-decision.ts';
import { placeCandidatesOnBallot } from './use-cases/place-candidates.ts';
import { publishResult } from './use-cases/publish-result.ts';
import { publishRoll } from './use-cases/publish-roll.ts';
import { recordConsent } from './use-cases/record-consent.ts';
import { recordVerdict } from './use-cases/record-verdict.ts';
import { createVettingDepartment } from './use-cases/vetting-departments.ts';
import { issueSheets } from './use-cases/issue-sheets.ts';
import { withdrawCandidate } from './use-cases/withdraw-candidate.ts';

const SEED = 20261602;
const DAY = 24 * 60 * 60_000;
const at = (ctx: Ctx, when: Date): Ctx => ({ ...ctx, kernel: { ...ctx.kernel, clock: { now: () => when } } });

/** The street's joint vetting (联审) departments and who reviews for each among the demo logins. */
const DEPARTMENTS: [string, VettingDepartmentKind, string[]][] = [
  ['街道党工委', 'party_committee', ['street', 'shuji']],
  ['社区居委会', 'residents_committee', ['juweihui']],
  ['派出所', 'police', ['bumen']],
  ['房管所', 'housing', ['bumen']],
  ['市场监管所', 'market_regulation', ['street']],
  ['法院/信用', 'credit', ['bumen']],
];

/**
 * Owners' committee elections at 和园小区 (the demo's second compound, same community; the decisions the journeys
 * use stay at 阳光花园): the street's six vetting departments; the first committee's election, published a year
 * ago (7 candidates, 5 seats) so the report has figures; and this year's election in nomination, with candidates in
 * every vetting state — waiting for consent, in vetting, returned with a reason, rejected, approved and on the
 * ballot, withdrawn, and one corrected after a return that the police must look at again.
 * Organised by the residents' committee (juweihui), the community secretary (shuji) second approver.
 */
export async function seedElectionsDemo(kernel: Kernel, demo: DemoSeedContext): Promise<number> {
  const street = demo.get(DEMO_STREET);
  const official = await demo.as('street');
  const organiser = await demo.as('juweihui');
  const approver = await demo.as('shuji');
  if (!street || !official || !organiser || !approver) return 0;
  const home = street.compounds[0]!;
  const compound = street.compounds.find((c, i) => i > 0 && c.communityId === home.communityId);
  if (!compound) return 0;
  const rng = demo.random(SEED);
  const now = demo.now.getTime();
  const ago = (days: number, hours = 0) => new Date(now - days * DAY - hours * 3_600_000);

  const departments: { id: string; reviewer: Ctx }[] = [];
  for (const [name, kind, logins] of DEPARTMENTS) {
    const reviewers = logins.map((l) => demo.account(l)?.id).filter((x): x is string => !!x);
    const { id } = await createVettingDepartment(at(official, ago(500)), { streetId: street.street.id, name, kind, reviewerAccountIds: reviewers });
    const reviewer = await demo.as(logins[0]!);
    if (reviewer) departments.push({ id, reviewer });
  }
  const verdict = (id: string, candidateId: string, i: number, when: Date, v: 'approve' | 'reject' | 'return' = 'approve', reasonCode?: string, note?: string) =>
    recordVerdict(at(departments[i]!.reviewer, when), id, candidateId, { departmentId: departments[i]!.id, verdict: v, reasonCode, note });
  const approveAll = async (id: string, candidateId: string, when: Date) => {
    for (let i = 0; i < departments.length; i++) await verdict(id, candidateId, i, new Date(when.getTime() + i * 3_600_000));
  };
  const base = { organiserKind: 'residents_committee' as const, organiserAuthority: '安和街道办事处《关于指导和园小区召开业主大会选举业主委员会的通知》' };

  // ——— the first committee, elected a year ago ———
  const first = await createElection(at(organiser, ago(420)), { ...base, compoundId: compound.id, title: '和园小区第一届业主委员会选举', nominationUntil: isoDay(ago(400)) });
  const people = [
    ['陈建国', '1栋2单元301', true],
    ['刘桂芳', '3栋1单元502', true],
    ['张伟', '5栋3单元201', false],
    ['李秀英', '2栋2单元702', true],
    ['王磊', '7栋1单元1001', false],
    ['赵敏', '9栋3单元402', false],
    ['孙志强', '4栋2单元602', false],
  ] as const;
  for (const [i, [name, room, party]] of people.entries()) {
    const c = await nominateCandidate(at(organiser, ago(410, i)), first.id, { name, roomLabel: room, partyMember: party, nomination: i < 2 ? 'party_org' : 'self', statement: `${name}，${room}业主，愿为小区业主服务。` });
    await recordConsent(at(organiser, ago(409, i)), first.id, c.id, { note: '已签署背景审查授权书' });
    await approveAll(first.id, c.id, ago(405, i));
  }
  await placeCandidatesOnBallot(at(organiser, ago(399)), first.id);
  await publishRoll(at(organiser, ago(398)), first.id);
  const { approvalId } = await requestOpen(at(organiser, ago(380, 2)), first.id);
  await decideApproval(at(approver, ago(380)), approvalId, 'approve');
  let ballots = await seedElectionBallots(kernel, organiser, first.id, rng, { from: ago(380).getTime(), to: ago(366).getTime(), popularity: [0.92, 0.88, 0.8, 0.78, 0.74, 0.3, 0.25], seats: 5 });
  await write(at(approver, ago(365)), (tx) => applyClose(tx, at(approver, ago(365)), { decisionId: first.id }));
  await publishResult(at(organiser, ago(364)), first.id);

  // ——— this year's election, in nomination and vetting ———
  const second = await createElection(at(organiser, ago(12)), { ...base, compoundId: compound.id, title: '和园小区第二届业主委员会选举', nominationUntil: isoDay(ago(-10)) });
  const nominate = async (name: string, room: string, partyMember: boolean, nomination: 'self' | 'owners' | 'party_org' | 'residents_committee', daysAgo: number) =>
    (
      await nominateCandidate(at(organiser, ago(daysAgo)), second.id, {
        name,
        roomLabel: room,
        partyMember,
        nomination,
        nominators: nomination === 'owners' ? ['周丽', '吴刚', '郑红', '冯军', '何平'].map((n, i) => ({ name: n, room: `6栋${i + 1}单元${301 + i}` })) : undefined,
        statement: `${name}，${room}业主。`,
      })
    ).id;
  const consent = (id: string, daysAgo: number) => recordConsent(at(organiser, ago(daysAgo)), second.id, id, { note: '已签署背景审查授权书' });
  // Approved and on the ballot.
  for (const [name, room, party, how] of [
    ['陈建国', '1栋2单元301', true, 'party_org'],
    ['刘桂芳', '3栋1单元502', true, 'residents_committee'],
    ['高翔', '8栋2单元802', false, 'owners'],
  ] as const) {
    const id = await nominate(name, room, party, how, 11);
    await consent(id, 10);
    await approveAll(second.id, id, ago(8));
  }
  await placeCandidatesOnBallot(at(organiser, ago(5)), second.id);
  // In vetting: three departments have approved.
  const vetting = await nominate('马丽娟', '6栋3单元1101', true, 'self', 9);
  await consent(vetting, 8);
  for (const i of [0, 1, 2]) await verdict(second.id, vetting, i, ago(6, i));
  // Returned with a reason by the housing office, the others approving.
  const returned = await nominate('黄志明', '10栋1单元602', false, 'owners', 9);
  await consent(returned, 8);
  for (const i of [0, 1, 2, 4, 5]) await verdict(second.id, returned, i, ago(5, i));
  await verdict(second.id, returned, 3, ago(4), 'return', 'materials_missing', '未提供不动产权证书复印件，请补交后重新审查');
  // Rejected by the court / credit check.
  const rejected = await nominate('钱立新', '4栋3单元901', false, 'self', 9);
  await consent(rejected, 8);
  for (const i of [0, 1, 2]) await verdict(second.id, rejected, i, ago(6, i));
  await verdict(second.id, rejected, 5, ago(5), 'reject', 'credit_default', '列入失信被执行人名单（2025年）');
  // Returned by the police, corrected: round 2, the police look again (their return is stale).
  const corrected = await nominate('林晓燕', '2栋1单元401', false, 'self', 9);
  await consent(corrected, 8);
  for (const i of [0, 1, 3, 4, 5]) await verdict(second.id, corrected, i, ago(6, i));
  await verdict(second.id, corrected, 2, ago(5), 'return', 'information_wrong', '身份证号码与户籍信息不一致');
  await correctCandidacy(at(organiser, ago(2)), second.id, corrected, { note: '已更正身份证号码' });
  // Withdrawn; and one nominated whose written consent has not come in.
  const withdrawn = await nominate('何建华', '7栋2单元502', false, 'self', 9);
  await withdrawCandidate(at(organiser, ago(3)), second.id, withdrawn, { reason: '工作调动，本人申请退出' });
  await nominate('罗红梅', '5栋1单元302', true, 'party_org', 1);

  // ——— 阳光花园's second committee, voting now (three candidates for five seats): every owner has voted but 张明远 and
  // the last on the roll, whose paper sheet is out — so a journey can vote on the phone, enter the sheet, close, count,
  // publish and file. ———
  const committee = await demo.as('yeweihui');
  const resident = demo.account('13800000001');
  if (committee && resident?.personId) {
    const run = await createElection(at(committee, ago(30)), {
      compoundId: home.id,
      title: '阳光花园第二届业主委员会选举',
      organiserKind: 'owners_committee',
      organiserAuthority: '阳光花园业主委员会第十二次会议决议（第一届任期届满）',
      nominationUntil: isoDay(ago(26)),
    });
    for (const [name, room, party] of [
      ['周建华', '2栋1单元602', true],
      ['吴晓梅', '4栋2单元1001', false],
      ['郑国强', '6栋1单元301', false],
    ] as const) {
      const c = await nominateCandidate(at(committee, ago(29)), run.id, { name, roomLabel: room, partyMember: party, nomination: 'self', statement: `${name}，${room}业主，愿为小区业主服务。` });
      await recordConsent(at(committee, ago(29)), run.id, c.id, { note: '已签署背景审查授权书' });
      await approveAll(run.id, c.id, ago(27));
    }
    await placeCandidatesOnBallot(at(committee, ago(25)), run.id);
    await publishRoll(at(committee, ago(24)), run.id);
    const { approvalId } = await requestOpen(at(committee, ago(4, 2)), run.id);
    await decideApproval(at(organiser, ago(4)), approvalId, 'approve');
    await issueSheets(at(committee, ago(4)), run.id, {});
    ballots += await seedElectionBallots(kernel, committee, run.id, rng, { from: ago(4).getTime(), to: ago(0, 2).getTime(), popularity: [0.8, 0.7, 0.4], seats: 5, leave: { personId: resident.personId, last: true } });
  }
  return ballots;
}

const isoDay = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * The owners' ballots of the published election, written as rows like the decisions seed's (the demo cannot type SMS
 * codes): 90% of the heads vote; each marks 同意 a candidate with its popularity, at most `seats` of them (the least
 * popular marked beyond the cap become 弃权), the rest 不同意. Chained in the order cast.
 */
async function seedElectionBallots(
  kernel: Kernel,
  ctx: Ctx,
  decisionId: string,
  rng: ReturnType<DemoSeedContext['random']>,
  opts: { from: number; to: number; popularity: number[]; seats: number; leave?: { personId: string; last: boolean } },
) {
  const db = read(kernel);
  const d = await db.selectFrom('dec_decisions').select(['street_id', 'place_id', 'manifest_hash']).where('id', '=', decisionId).executeTakeFirstOrThrow();
  const [entries, items] = await Promise.all([
    db.selectFrom('dec_roll_entries').select(['id', 'person_ids']).where('street_id', '=', d.street_id).where('decision_id', '=', decisionId).where('merged_into', 'is', null).orderBy('no').execute(),
    db.selectFrom('dec_items').select('no').where('street_id', '=', d.street_id).where('decision_id', '=', decisionId).orderBy('no').execute(),
  ]);
  // Left unvoted: everyone but one person's heads and, if asked, the last on the roll; else 90% vote.
  const leave = opts.leave;
  const voters = leave ? entries.filter((e, i) => !e.person_ids.includes(leave.personId) && !(leave.last && i === entries.length - 1)) : entries.filter(() => rng.chance(0.9));
  const rows = voters
    .map((e) => {
      const choices: Record<string, Choice> = {};
      let chosen = 0;
      for (const [i, item] of items.entries()) {
        const yes = rng.chance(opts.popularity[i] ?? 0.5);
        choices[String(item.no)] = yes ? (chosen < opts.seats ? 'for' : 'abstain') : 'against';
        if (yes) chosen++;
      }
      return { street_id: d.street_id, id: newId(), decision_id: decisionId, entry_id: e.id, account_id: null, channel: 'online' as const, choices, status: 'counted' as const, request_key: `demo-${e.id}`, cast_at: new Date(rng.int(opts.from, opts.to)) };
    });
  return writeSeededBallots(kernel, ctx, { ...d, id: decisionId }, rows, SEED);
}
