import { sql } from 'kysely';
import type { Ctx } from '../../kernel/context.ts';
import { type PersonalDataSource, shanghaiTime } from '../../kernel/privacy/personal-data.ts';
import { read } from './decisions.db.ts';
import type { Choice } from './tally.ts';

const CHOICE_TEXT: Record<Choice, string> = { for: '同意', against: '反对', abstain: '弃权' };

/**
 * The decisions' part of "my data": the ballots cast for the roll entries that name me (by me, or by my
 * co-owners' representative), the materials I opened, my objections to rolls and my requests to inspect.
 */
export const decisionsPersonalData: PersonalDataSource = {
  async sheets(ctx: Ctx) {
    const db = read(ctx.kernel);
    const personId = ctx.actor.personId;
    const ballots = personId
      ? await db
          .selectFrom('dec_ballots as b')
          .innerJoin('dec_roll_entries as e', (j) => j.onRef('e.street_id', '=', 'b.street_id').onRef('e.id', '=', 'b.entry_id'))
          .innerJoin('dec_decisions as d', (j) => j.onRef('d.street_id', '=', 'b.street_id').onRef('d.id', '=', 'b.decision_id'))
          .select(['d.title', 'e.no', 'e.area_centi', 'b.choices', 'b.channel', 'b.status', 'b.cast_at'])
          .where(sql<boolean>`e.person_ids @> array[${personId}]::uuid[]`)
          .orderBy('b.cast_at')
          .execute()
      : [];
    const objections = await db
      .selectFrom('dec_objections as o')
      .innerJoin('dec_decisions as d', (j) => j.onRef('d.street_id', '=', 'o.street_id').onRef('d.id', '=', 'o.decision_id'))
      .select(['d.title', 'o.text', 'o.status', 'o.answer', 'o.created_at'])
      .where('o.account_id', '=', ctx.actor.accountId)
      .orderBy('o.created_at')
      .execute();
    const opened = await db
      .selectFrom('dec_deliveries as v')
      .innerJoin('dec_decisions as d', (j) => j.onRef('d.street_id', '=', 'v.street_id').onRef('d.id', '=', 'v.decision_id'))
      .select(['d.title', 'v.opened_at'])
      .where('v.account_id', '=', ctx.actor.accountId)
      .orderBy('v.opened_at')
      .execute();
    // Proxies registered to vote for my homes: who, and what became of them (the proxy's phone stays masked).
    const proxies = personId
      ? await db
          .selectFrom('dec_proxies as p')
          .innerJoin('dec_roll_entries as e', (j) => j.onRef('e.street_id', '=', 'p.street_id').onRef('e.id', '=', 'p.entry_id'))
          .innerJoin('dec_decisions as d', (j) => j.onRef('d.street_id', '=', 'p.street_id').onRef('d.id', '=', 'p.decision_id'))
          .select(['d.title', 'p.name', 'p.phone_masked', 'p.status', 'p.registered_at'])
          .where(sql<boolean>`e.person_ids @> array[${personId}]::uuid[]`)
          .orderBy('p.registered_at')
          .execute()
      : [];
    // My candidacies in owners' committee elections, with every department's verdict and its reason.
    const candidacies = await db
      .selectFrom('dec_candidates as c')
      .innerJoin('dec_decisions as d', (j) => j.onRef('d.street_id', '=', 'c.street_id').onRef('d.id', '=', 'c.decision_id'))
      .select(['c.street_id', 'c.id', 'c.vetted_as', 'd.title', 'c.no', 'c.room_label', 'c.statement', 'c.status', 'c.consent_at', 'c.created_at'])
      .where('c.account_id', '=', ctx.actor.accountId)
      .orderBy('c.created_at')
      .execute();
    const verdicts = candidacies.length
      ? await db
          .selectFrom('dec_vetting_verdicts as v')
          .innerJoin('dec_vetting_departments as dp', (j) => j.onRef('dp.street_id', '=', 'v.street_id').onRef('dp.id', '=', 'v.department_id'))
          .select(['v.candidate_id', 'dp.name', 'v.verdict', 'v.reason_code', 'v.note', 'v.at'])
          .where('v.candidate_id', 'in', candidacies.map((c) => c.vetted_as ?? c.id))
          .orderBy('v.at')
          .execute()
      : [];
    return [
      {
        sheet: { zh: '业委会参选', en: 'Candidacies' },
        columns: [
          { zh: '选举', en: 'Election' },
          { zh: '候选人编号', en: 'No.' },
          { zh: '房号', en: 'Room' },
          { zh: '参选陈述', en: 'Statement' },
          { zh: '状态', en: 'Status' },
          { zh: '审查授权', en: 'Consent' },
          { zh: '联审意见', en: 'Vetting' },
        ],
        rows: candidacies.map((c) => [
          c.title,
          c.no,
          c.room_label,
          c.statement,
          c.status,
          c.consent_at ? shanghaiTime(c.consent_at) : '',
          verdicts
            .filter((v) => v.candidate_id === (c.vetted_as ?? c.id))
            .map((v) => `${v.name}：${v.verdict} ${v.reason_code}${v.note ? `（${v.note}）` : ''} ${shanghaiTime(v.at)}`)
            .join('；'),
        ]),
      },
      {
        sheet: { zh: '委托投票', en: 'Proxies' },
        columns: [
          { zh: '表决', en: 'Decision' },
          { zh: '受托人', en: 'Proxy' },
          { zh: '受托人电话', en: "Proxy's phone" },
          { zh: '状态', en: 'Status' },
          { zh: '登记时间', en: 'Registered' },
        ],
        rows: proxies.map((p) => [p.title, p.name, p.phone_masked, p.status, shanghaiTime(p.registered_at)]),
      },
      {
        sheet: { zh: '业主表决', en: 'Ballots' },
        columns: [
          { zh: '表决', en: 'Decision' },
          { zh: '名册序号', en: 'Roll no.' },
          { zh: '面积（m²）', en: 'Area (m²)' },
          { zh: '选择', en: 'Choices' },
          { zh: '方式', en: 'Channel' },
          { zh: '状态', en: 'Status' },
          { zh: '时间', en: 'Cast' },
        ],
        rows: ballots.map((b) => [
          b.title,
          b.no,
          b.area_centi / 100,
          // An invalid paper sheet has no choices.
          Object.entries(b.choices ?? {})
            .map(([no, c]) => `${no}: ${CHOICE_TEXT[c]}`)
            .join('；'),
          b.channel,
          b.status,
          shanghaiTime(b.cast_at),
        ]),
      },
      {
        sheet: { zh: '表决名册异议', en: 'Roll objections' },
        columns: [
          { zh: '表决', en: 'Decision' },
          { zh: '异议', en: 'Objection' },
          { zh: '状态', en: 'Status' },
          { zh: '答复', en: 'Answer' },
          { zh: '时间', en: 'Filed' },
        ],
        rows: objections.map((o) => [o.title, o.text, o.status, o.answer, shanghaiTime(o.created_at)]),
      },
      {
        sheet: { zh: '表决材料送达', en: 'Materials opened' },
        columns: [
          { zh: '表决', en: 'Decision' },
          { zh: '首次查看', en: 'First opened' },
        ],
        rows: opened.map((o) => [o.title, shanghaiTime(o.opened_at)]),
      },
    ];
  },
  /**
   * Ballots and deliveries are the owners' assembly's records and stay (the account they point at is
   * pseudonymised by the kernel); the words of my objections and inspection requests go.
   */
  async erase(tx, ctx) {
    const db = read(tx);
    await db.updateTable('dec_objections').set({ text: '（已注销）' }).where('account_id', '=', ctx.actor.accountId).execute();
    await db.updateTable('dec_inspections').set({ reason: '（已注销）' }).where('account_id', '=', ctx.actor.accountId).execute();
  },
};
