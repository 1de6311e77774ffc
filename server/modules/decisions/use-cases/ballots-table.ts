import ExcelJS from 'exceljs';
import { type Ctx, audit } from '../../../kernel/context.ts';
import { organisationNames, personNames } from '../../registry/index.ts';
import { read, write } from '../decisions.db.ts';
import { itemsOf } from '../decisions.repository.ts';
import type { BallotChannel, BallotStatus } from '../decisions.tables.ts';
import type { Choice } from '../tally.ts';
import { decisionFor } from './decision-access.ts';

const CHOICE_TEXT: Record<Choice, { zh: string; en: string }> = {
  for: { zh: '同意', en: 'For' },
  against: { zh: '反对', en: 'Against' },
  abstain: { zh: '弃权', en: 'Abstain' },
};
interface BallotRow {
  no: number;
  rooms: string[];
  areaCenti: number;
  owners: string[];
  status: 'none' | BallotStatus;
  channel: BallotChannel | null;
  castAt: Date | null;
  choices: Record<string, Choice>;
}
const when = (d: Date | null) => (d ? new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ') : '');

/**
 * 表决结果明细表: every head on the roll with its rooms, area, owners' names and, for those who voted, the
 * choice on each item — the counted ballot, then any it superseded. Only the owners' committee, the street and
 * the scrutineers named on the decision see it (never the property company); each export is audited.
 */
export async function ballotsTable(ctx: Ctx, id: string) {
  const db = read(ctx);
  const d = await decisionFor(db, ctx.actor, id, 'seeChoices', { status: ['open', 'closed', 'published'] });
  const [items, entries, parts, ballots] = await Promise.all([
    itemsOf(db, d.street_id, d.id),
    db.selectFrom('dec_roll_entries').selectAll().where('street_id', '=', d.street_id).where('decision_id', '=', d.id).where('merged_into', 'is', null).orderBy('no').execute(),
    db.selectFrom('dec_roll_parts').select(['entry_id', 'room_label']).where('street_id', '=', d.street_id).where('decision_id', '=', d.id).orderBy('room_label').execute(),
    db.selectFrom('dec_ballots').selectAll().where('street_id', '=', d.street_id).where('decision_id', '=', d.id).orderBy('cast_at').execute(),
  ]);
  const [persons, orgs] = await Promise.all([personNames(db, entries.flatMap((e) => e.person_ids)), organisationNames(db, entries.flatMap((e) => e.organisation_ids))]);
  const rows = entries.flatMap((e): BallotRow[] => {
    const base = {
      no: e.no,
      rooms: parts.filter((p) => p.entry_id === e.id).map((p) => p.room_label),
      areaCenti: e.area_centi,
      owners: e.kind === 'developer' ? ['建设单位'] : [...e.person_ids.map((p) => persons.get(p) ?? '—'), ...e.organisation_ids.map((o) => orgs.get(o) ?? '—')],
    };
    const mine = ballots.filter((b) => b.entry_id === e.id).sort((a, b) => (a.status === 'counted' ? -1 : b.status === 'counted' ? 1 : 0));
    if (mine.length === 0) return [{ ...base, status: 'none', channel: null, castAt: null, choices: {} }];
    return mine.map((b) => ({ ...base, status: b.status, channel: b.channel, castAt: b.cast_at, choices: b.choices ?? {} }));
  });
  return { decision: d, items: items.map((i) => ({ no: i.no, title: i.title })), rows };
}

/** The per-owner table as xlsx; the export is audited (choices revealed, by whom, when). */
export async function ballotsTableXlsx(ctx: Ctx, id: string): Promise<{ fileName: string; content: Buffer }> {
  const { decision: d, items, rows } = await ballotsTable(ctx, id);
  const en = ctx.actor.locale === 'en';
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(en ? 'Ballots by owner' : '表决结果明细表');
  sheet.addRow([d.title]).font = { bold: true, size: 14 };
  sheet.addRow([`${en ? 'Scope' : '表决范围'}：${d.place_label}`, `${en ? 'Heads' : '总人数'}：${d.total_heads}`, `${en ? 'Area (m²)' : '总面积（m²）'}：${(d.total_area_centi ?? 0) / 100}`]);
  sheet.addRow([]);
  const header = sheet.addRow([
    en ? 'No.' : '序号',
    en ? 'Rooms' : '专有部分',
    en ? 'Area (m²)' : '面积（m²）',
    en ? 'Owners' : '业主',
    en ? 'Ballot' : '选票状态',
    en ? 'Channel' : '投票方式',
    en ? 'Cast at' : '投票时间',
    ...items.map((i) => `${i.no}. ${i.title}`),
  ]);
  header.font = { bold: true };
  const statusText: Record<BallotRow['status'], string> = en
    ? { none: 'Did not vote', counted: 'Counted', superseded: 'Superseded', entered: 'To be checked', mismatched: 'To be corrected', held: 'Awaiting power of attorney', invalid: 'Invalid', duplicate: 'Duplicate' }
    : { none: '未投票', counted: '计入', superseded: '已被更改', entered: '待核对', mismatched: '待更正', held: '待审委托书', invalid: '无效', duplicate: '重复' };
  const channelText: Record<BallotChannel, string> = en ? { online: 'Online', paper: 'Paper', proxy: 'Proxy' } : { online: '网络投票', paper: '纸质票', proxy: '委托投票' };
  for (const r of rows) {
    const row = sheet.addRow([
      r.no,
      r.rooms.join('、'),
      r.areaCenti / 100,
      r.owners.join('、'),
      statusText[r.status],
      r.channel ? channelText[r.channel] : '',
      when(r.castAt),
      ...items.map((i) => (r.choices[String(i.no)] ? CHOICE_TEXT[r.choices[String(i.no)]!][en ? 'en' : 'zh'] : '')),
    ]);
    row.getCell(3).numFmt = '0.00';
  }
  sheet.getColumn(2).width = 30;
  sheet.getColumn(4).width = 20;
  sheet.getColumn(7).width = 18;
  await write(ctx, (tx) =>
    audit(tx, ctx, { action: 'decisions.choices.exported', placeId: d.place_id, subjectType: 'decision', subjectId: d.id, detail: { rows: rows.length } }),
  );
  return { fileName: `${d.title}-表决结果明细表.xlsx`, content: Buffer.from(await book.xlsx.writeBuffer()) };
}
