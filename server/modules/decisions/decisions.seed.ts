import { crc32, deflateSync } from 'node:zlib';
import { type SqlBool, sql } from 'kysely';
import { decideApproval } from '../../kernel/approvals/approvals.ts';
import { chinaDay } from '../../kernel/clock.ts';
import { cjkDocument } from '../../kernel/pdf/document.ts';
import type { Ctx, Kernel } from '../../kernel/context.ts';
import type { DemoSeedContext } from '../../kernel/demo-seed.ts';
import { newId } from '../../kernel/ids.ts';
import { DEMO_STREET, currentRoomsOf } from '../registry/index.ts';
import { DEFAULT_RULES, type RulesSettings } from './decisions.constants.ts';
import { read, write } from './decisions.db.ts';
import { writeSeededBallots } from './decisions.seed-ballots.ts';
import type { CreateDecisionBody } from './decisions.schemas.ts';
import type { Choice } from './tally.ts';
import { checkPaperBallot } from './use-cases/check-paper-ballot.ts';
import { checkProxy } from './use-cases/check-proxy.ts';
import { applyClose } from './use-cases/close-decision.ts';
import { enterPaperBallot } from './use-cases/enter-paper-ballot.ts';
import { issueSheets } from './use-cases/issue-sheets.ts';
import { publishChainHeads } from './use-cases/publish-heads.ts';
import { recordPosting } from './use-cases/record-posting.ts';
import { recordReceipt } from './use-cases/record-receipt.ts';
import { registerProxy } from './use-cases/register-proxy.ts';
import { renderSheetsPdf } from './use-cases/sheets-pdf.ts';
import { confirmRules } from './use-cases/confirm-rules.ts';
import { createDecision } from './use-cases/create-decision.ts';
import { createRules } from './use-cases/create-rules.ts';
import { requestOpen } from './use-cases/open-decision.ts';
import { publishResult } from './use-cases/publish-result.ts';
import { publishRoll } from './use-cases/publish-roll.ts';
import { putRulesInForce } from './use-cases/put-rules-in-force.ts';
import { seedElevatorDemo } from './elevator.seed.ts';
import { seedElectionsDemo } from './decisions.elections.seed.ts';
import { seedFilingsDemo } from './filing.seed.ts';

/** The module's stream of the demo's draws (kernel/demo-seed.ts): the same every run. */
const SEED = 20267751;
const DAY = 24 * 60 * 60_000;

/** A context whose clock stands at `at`: the demo's history happened days ago, through the same use cases. */
const at = (ctx: Ctx, when: Date): Ctx => ({ ...ctx, kernel: { ...ctx.kernel, clock: { now: () => when } } });

/**
 * The decisions module's part of the demo, at 阳光花园 where the demo logins serve and 张明远 (13800000001) owns
 * two flats. Every step goes through the use cases as the owners' committee (yeweihui) with the residents'
 * committee (juweihui) as second approver, back-dated:
 * - the rules of procedure: version 1 superseded, version 2 in force (owners may change a ballot; no 从众);
 * - a published result (rehiring the property company, using the maintenance fund for an elevator);
 * - a vote open now across the compound (raising the fund, matter 6: ¾), where 张明远 has not voted yet;
 * - a unit's vote (1栋1单元) where every owner but 张明远 has voted, so his ballot lets it close at once;
 * - a decision whose roll has been public for 16 days, ready to open; and a draft;
 * - the second owners' committee's election two years ago, filed (备案) with the street and the housing department.
 * Owners' ballots are written directly (one audit entry for the lot): the demo cannot type SMS codes.
 * In the open compound vote the paper side runs through the use cases too (seedPaperAndNotice).
 */
export async function seedDecisionsDemo(kernel: Kernel, demo: DemoSeedContext): Promise<{ decisions: number; ballots: number }> {
  if (await read(kernel).selectFrom('dec_decisions').select('id').limit(1).executeTakeFirst()) return { decisions: 0, ballots: 0 };
  const street = demo.get(DEMO_STREET);
  const organiser = await demo.as('yeweihui');
  const approver = await demo.as('juweihui');
  const resident = demo.account('13800000001');
  if (!street || !organiser || !approver || !resident?.personId) return { decisions: 0, ballots: 0 };
  const compound = street.compounds[0]!;
  const rng = demo.random(SEED);
  const now = demo.now.getTime();
  const ago = (days: number, hours = 0) => new Date(now - days * DAY - hours * 3_600_000);

  // ——— rules of procedure ———
  const v1: RulesSettings = { ...DEFAULT_RULES, votingDays: { value: 20, clause: '议事规则（2019）第十五条' }, noticeDays: { value: 15, clause: '议事规则（2019）第十二条' } };
  const v2: RulesSettings = {
    ...v1,
    votingDays: { value: 15, clause: '议事规则（2024修订）第十五条' },
    extensionDays: { value: 7, clause: '议事规则（2024修订）第十六条' },
    revote: { value: true, clause: '议事规则（2024修订）第二十一条：表决截止前业主可更改表决意见，以最后一次为准' },
    prevails: { value: 'online', clause: '议事规则（2024修订）第二十二条' },
    elevator: { value: { matter: 7, affected: 'compensation' }, clause: '议事规则（2024修订）第三十条：加装电梯受影响业主可提出异议，以补偿协议解决' },
    filing: { value: { matters: [4, 5], offices: ['street_office', 'district_housing'], days: 20 }, clause: '议事规则（2024修订）第四十条：选聘物业服务企业、使用维修资金的决定，自结果公示之日起20日内报街道办事处和区住建部门备案' },
  };
  for (const [settings, title, days] of [
    [v1, '阳光花园业主大会议事规则（2019）', 2400],
    [v2, '阳光花园业主大会议事规则（2024修订）', 700],
  ] as const) {
    const { id } = await createRules(at(organiser, ago(days + 10)), { compoundId: compound.id, title, settings });
    await confirmRules(at(organiser, ago(days + 3)), id);
    await putRulesInForce(at(organiser, ago(days)), id);
  }

  const authority = '阳光花园业主大会第二届业主委员会，2024年业主大会选举产生（备案号 安和街道〔2024〕07号）';
  const base = { organiserKind: 'owners_committee' as const, organiserAuthority: authority };
  const roomsOfResident = await currentRoomsOf(read(kernel), resident.personId);
  const homeUnit = roomsOfResident.map((r) => r.roomPath.split('/').filter(Boolean)).find((p) => p.includes(compound.id));
  const unitId = homeUnit?.[homeUnit.length - 2];

  let ballots = 0;
  const plan: { input: CreateDecisionBody; created: number; roll?: number; open?: number; close?: number; publish?: number; turnout?: number; everyoneBut?: boolean }[] = [
    {
      input: {
        ...base,
        placeId: compound.id,
        title: '2026年续聘物业服务企业及使用维修资金更换3栋电梯',
        description: '续聘现物业服务企业三年（2027—2029年），物业费标准不变；使用专项维修资金约48万元更换3栋两部电梯，报价与方案见附件。',
        items: [
          { title: '续聘现物业服务企业，服务期三年', matter: 4 },
          { title: '使用专项维修资金约48万元更换3栋电梯', matter: 5 },
        ],
      },
      created: 70,
      roll: 60,
      open: 44,
      close: 28,
      publish: 27,
      turnout: 0.82,
    },
    {
      input: {
        ...base,
        placeId: compound.id,
        title: '续筹专项维修资金',
        description: '专项维修资金余额不足首期归集额的30%，拟按每平方米20元续筹，分两年缴纳。',
        items: [{ title: '按每平方米20元续筹专项维修资金', matter: 6 }],
      },
      created: 30,
      roll: 20,
      open: 3,
      turnout: 0.41,
    },
    ...(unitId
      ? [
          {
            input: {
              ...base,
              placeId: unitId,
              title: '1栋1单元楼道翻新及更换单元门禁',
              description: '使用本单元分户维修资金翻新楼道墙面、更换单元门禁，费用约6.2万元。',
              items: [{ title: '使用本单元维修资金翻新楼道并更换门禁', matter: 5 }],
            },
            created: 25,
            roll: 18,
            open: 2,
            everyoneBut: true,
          },
        ]
      : []),
    {
      input: {
        ...base,
        placeId: compound.id,
        title: '利用小区共有部分设置智能快递柜并收取场地费',
        description: '在2栋、5栋架空层设置智能快递柜，场地费每年1.2万元计入业主共有收益。',
        items: [{ title: '设置智能快递柜并收取场地费，收益归全体业主共有', matter: 8 }],
      },
      created: 20,
      roll: 16,
    },
    {
      input: {
        ...base,
        placeId: compound.id,
        title: '修改管理规约（养犬与电动自行车停放）',
        items: [
          { title: '管理规约增加文明养犬条款', matter: 2 },
          { title: '管理规约增加电动自行车集中停放充电条款', matter: 2 },
        ],
      },
      created: 2,
    },
    // The second owners' committee's election (备案号 安和街道〔2024〕07号), filed with both offices (filing.seed.ts).
    {
      input: {
        ...base,
        organiserAuthority: '阳光花园业主大会筹备组（街道办事处指导成立）',
        organiserKind: 'preparatory_group' as const,
        placeId: compound.id,
        title: '选举产生第二届业主委员会',
        description: '等额选举第二届业主委员会委员5名，候选人名单及联审结果见附件。',
        items: [{ title: '选举第二届业主委员会委员（候选人名单见附件）', matter: 3 }],
      },
      created: 770,
      roll: 752,
      open: 736,
      close: 715,
      publish: 714,
      turnout: 0.86,
    },
  ];

  for (const step of plan) {
    const { id } = await createDecision(at(organiser, ago(step.created)), step.input);
    if (step.roll === undefined) continue;
    await publishRoll(at(organiser, ago(step.roll)), id);
    if (step.open === undefined) continue;
    const { approvalId } = await requestOpen(at(organiser, ago(step.open, 2)), id);
    await decideApproval(at(approver, ago(step.open)), approvalId, 'approve');
    ballots += await seedBallots(kernel, approver, id, resident.personId, rng, {
      from: ago(step.open).getTime(),
      to: step.close !== undefined ? ago(step.close + 1).getTime() : now - 3_600_000,
      turnout: step.turnout ?? 1,
      everyoneBut: !!step.everyoneBut,
    });
    if (step.input.title === '续筹专项维修资金') await seedPaperAndNotice(organiser, approver, id, resident.personId, ago);
    if (step.close === undefined) continue;
    // Closing after the period needs no early-close check; the second approver closes it as the app would.
    await write(at(approver, ago(step.close)), (tx) => applyClose(tx, at(approver, ago(step.close!)), { decisionId: id }));
    if (step.publish !== undefined) await publishResult(at(organiser, ago(step.publish)), id);
  }
  const elevator = await seedElevatorDemo(organiser, approver, compound, ago, at, (id, from) => seedBallots(kernel, approver, id, resident.personId!, rng, { from: from.getTime(), to: now - 3_600_000, turnout: 0.35, everyoneBut: false }));
  // Owners' committee elections at the next compound, with the street's vetting departments.
  ballots += await seedElectionsDemo(kernel, demo);
  await seedFilingsDemo(kernel, demo, organiser, ago);
  // The hourly job's first publication of each open vote's chain head, as the board shows it.
  await publishChainHeads(kernel);
  return { decisions: plan.length + elevator.decisions, ballots: ballots + elevator.ballots };
}

/**
 * Ballots of the demo's owners, written as rows (the demo cannot type each owner's SMS code): a share of the
 * heads vote at random times within the period, most for. The demo resident's head is left for him.
 */
async function seedBallots(
  kernel: Kernel,
  ctx: Ctx,
  decisionId: string,
  residentPersonId: string,
  rng: ReturnType<DemoSeedContext['random']>,
  opts: { from: number; to: number; turnout: number; everyoneBut: boolean },
): Promise<number> {
  const db = read(kernel);
  const d = await db.selectFrom('dec_decisions').select(['street_id', 'place_id', 'manifest_hash']).where('id', '=', decisionId).executeTakeFirstOrThrow();
  const [entries, items] = await Promise.all([
    db.selectFrom('dec_roll_entries').select(['id', 'no', 'kind', 'person_ids']).where('street_id', '=', d.street_id).where('decision_id', '=', decisionId).orderBy('no').execute(),
    db.selectFrom('dec_items').select('no').where('street_id', '=', d.street_id).where('decision_id', '=', decisionId).orderBy('no').execute(),
  ]);
  // In the unit's vote everyone else has voted, the developer's unsold flats too (its representative, on the demo's behalf).
  const voters = entries.filter((e) => !e.person_ids.includes(residentPersonId) && (opts.everyoneBut || (e.kind === 'owners' && rng.chance(opts.turnout))));
  const choice = (): Choice => (rng.chance(0.86) ? 'for' : rng.chance(0.6) ? 'against' : 'abstain');
  const rows = voters
    .map((e) => ({
      street_id: d.street_id,
      id: newId(),
      decision_id: decisionId,
      entry_id: e.id,
      account_id: null,
      channel: 'online' as const,
      choices: Object.fromEntries(items.map((i) => [String(i.no), choice()])),
      status: 'counted' as const,
      request_key: `demo-${e.id}`,
      cast_at: new Date(rng.int(opts.from, opts.to)),
    }));
  return writeSeededBallots(kernel, ctx, { ...d, id: decisionId }, rows, SEED);
}

/**
 * The paper side of the open compound vote, through the use cases: every head's sheet issued; paper ballots entered
 * by the residents' committee and checked by the owners' committee (counted, one found not to match its scan, two
 * waiting for their check, one unsigned sheet), a proxy whose power of attorney was checked and whose ballot counts,
 * one waiting for its check; signed receipts of three owners and the notice's posting in the lobby. 张明远's head is
 * left alone: the journeys vote for it.
 */
async function seedPaperAndNotice(organiser: Ctx, approver: Ctx, id: string, residentPersonId: string, ago: (days: number, hours?: number) => Date) {
  await issueSheets(at(organiser, ago(3)), id, {});
  const db = read(organiser.kernel);
  const d = await db.selectFrom('dec_decisions').select('street_id').where('id', '=', id).executeTakeFirstOrThrow();
  const waiting = await db
    .selectFrom('dec_roll_entries as e')
    .innerJoin('dec_sheets as s', (j) => j.onRef('s.street_id', '=', 'e.street_id').onRef('s.entry_id', '=', 'e.id').on('s.status', '=', 'issued'))
    .select(['e.id', 's.id as sheetId', 's.code'])
    .where('e.street_id', '=', d.street_id)
    .where('e.decision_id', '=', id)
    .where('e.kind', '=', 'owners')
    .where('e.merged_into', 'is', null)
    .where(sql<SqlBool>`not (${residentPersonId}::uuid = any(e.person_ids))`)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('dec_ballots as b').whereRef('b.street_id', '=', 'e.street_id').whereRef('b.entry_id', '=', 'e.id').select('b.id'))))
    .orderBy('e.no')
    .limit(10)
    .execute();
  if (waiting.length < 10) return;
  const scanOf = async (sheetId: string) => ({ filename: '表决票扫描件.pdf', mimetype: 'application/pdf', content: (await renderSheetsPdf(organiser, id, DEMO_ORIGIN, { sheetId })).pdf });
  const enter = async (i: number, hoursAgo: number, fields: { choices?: Record<string, Choice>; invalidReason?: 'unsigned'; byProxy?: boolean }) => {
    const w = waiting[i]!;
    const upload = await scanOf(w.sheetId);
    return enterPaperBallot(at(approver, ago(0, hoursAgo)), id, async () => ({ fields: { sheet: w.code, byProxy: false, choices: undefined, ...fields }, upload }));
  };
  const check = (ballotId: string, hoursAgo: number, verdict: 'match' | 'mismatch' = 'match', note?: string) =>
    checkPaperBallot(at(organiser, ago(0, hoursAgo)), id, ballotId, { verdict, note });
  for (const [i, choice] of [[0, 'for'], [1, 'for'], [2, 'against'], [3, 'for']] as const) {
    const b = await enter(i, 30 - i, { choices: { 1: choice } });
    await check(b.id, 26 - i);
  }
  const mismatched = await enter(4, 22, { choices: { 1: 'for' } });
  await check(mismatched.id, 20, 'mismatch', '扫描件上勾选的是“反对”，录入为“同意”');
  await enter(5, 6, { choices: { 1: 'for' } });
  await enter(6, 5, { choices: { 1: 'abstain' } });
  const unsigned = await enter(7, 18, { invalidReason: 'unsigned' });
  await check(unsigned.id, 17);

  const poa = async () => ({ filename: '授权委托书.pdf', mimetype: 'application/pdf', content: await letterPdf('授权委托书', ['本人委托受托人代为参加本次业主共同决定表决，并签署表决票。', '委托人（业主）签名：__________    受托人签名：__________']) });
  const proxy = await registerProxy(at(approver, ago(2)), id, async () => ({ fields: { entryId: waiting[8]!.id, name: '周建国', phone: '13911110001' }, upload: await poa() }));
  await checkProxy(at(organiser, ago(1, 20)), id, proxy.id, { verdict: 'accept' });
  const byProxy = await enter(8, 16, { choices: { 1: 'for' }, byProxy: true });
  await check(byProxy.id, 15);
  await registerProxy(at(approver, ago(0, 8)), id, async () => ({ fields: { entryId: waiting[9]!.id, name: '吴秀兰', phone: '13911110002' }, upload: await poa() }));

  const receipt = async () => ({ filename: '送达回执.pdf', mimetype: 'application/pdf', content: await letterPdf('业主共同决定事项送达回执', ['已收到《续筹专项维修资金》表决公告、表决票及相关材料。', '业主签名：__________    日期：__________']) });
  for (const [i, e] of waiting.slice(0, 3).entries()) {
    await recordReceipt(at(approver, ago(2, i)), id, async () => ({ fields: { entryId: e.id, signedOn: chinaDay(ago(3)) }, upload: await receipt() }));
  }
  await recordPosting(at(approver, ago(3)), id, async () => ({ fields: { postedOn: chinaDay(ago(3)), location: '各楼栋一楼大堂公告栏' }, upload: { filename: '公告张贴.png', mimetype: 'image/png', content: postingPhoto() } }));
}

/** Where the demo's printed QR codes point (the demo runs on this machine). */
const DEMO_ORIGIN = 'http://localhost:3000';

/** A one-page letter (a power of attorney, a receipt) as the demo's scanned paper. */
async function letterPdf(title: string, lines: string[]): Promise<Buffer> {
  const { doc, bytes } = cjkDocument({ size: 'A5', margins: { top: 48, bottom: 48, left: 48, right: 48 } });
  doc.fontSize(16).text(title, { align: 'center' }).moveDown(1).fontSize(11);
  for (const line of lines) doc.text(line).moveDown(0.8);
  doc.end();
  return bytes;
}

/** The posting's "photo": a notice on a red board, drawn pixel by pixel and encoded as a PNG (as a phone would upload). */
function postingPhoto(): Buffer {
  const [width, height] = [320, 200];
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const board = x > 30 && x < 290 && y > 20 && y < 180;
      const paper = x > 110 && x < 210 && y > 40 && y < 160;
      const line = paper && y % 12 === 0 && x > 120 && x < 200;
      const rgb = line ? [90, 90, 90] : paper ? [250, 250, 245] : board ? [176, 58, 46] : [210, 205, 195];
      rows.set(rgb, y * (width * 3 + 1) + 1 + x * 3);
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}
