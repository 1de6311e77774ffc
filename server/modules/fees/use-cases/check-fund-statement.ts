import { sql } from 'kysely';
import type { PlaceRow } from '../../../kernel/access/index.ts';
import { FUND_KIND_SIGN, FUND_KIND_ZH, type FundImportReport, type FundRowError } from '../fees.fund.constants.ts';
import type { Executor } from '../fees.db.ts';
import type { StatementRow } from './read-fund-statement.ts';

/** A row ready to be recorded: the statement's row with its compound and room resolved. */
export interface MatchedRow extends StatementRow {
  compoundId: string;
  roomId: string | null;
}

/** 1栋 / 1单元 / 1201, 1栋1单元1201 and 1栋/1单元/1201 name the same room. */
const roomKey = (label: string) => label.replace(/[\s/／]/g, '');

/**
 * Matches a statement's rows to the place it is imported at: the compound by its name among the compounds under
 * the place, the room (when given) by its building / unit / number under the compound. A serial recorded
 * already is `present` when every field agrees and an error row when any differs (the authority never reuses a
 * serial: a different content is a mistake to look at, never an overwrite); a serial twice in the file likewise.
 * Answers the report and the rows a commit would add.
 */
export async function checkFundStatement(db: Executor, place: PlaceRow & { street_id: string }, rows: StatementRow[], readErrors: FundRowError[], total: number): Promise<{ report: FundImportReport; added: MatchedRow[] }> {
  const compounds = await db
    .selectFrom('street_places')
    .select(['id', 'name', 'path'])
    .where('street_id', '=', place.street_id)
    .where('kind', '=', 'compound')
    .where('path', 'like', `${place.path}%`)
    .execute();
  const compoundByName = new Map(compounds.map((c) => [c.name.trim(), c]));
  const named = new Set(rows.filter((r) => r.room && compoundByName.has(r.compound)).map((r) => compoundByName.get(r.compound)!.id));
  const rooms = named.size
    ? await db
        .selectFrom('street_places as r')
        .select(['r.id', sql<string>`(select string_agg(a.name, '' order by a.depth) from street_places a
            where a.id = any(string_to_array(trim(both '/' from r.path), '/')::uuid[]) and a.kind in ('building', 'unit', 'room'))`.as('label'), 'r.path'])
        .where('r.street_id', '=', place.street_id)
        .where('r.kind', '=', 'room')
        .where((eb) => eb.or([...named].map((id) => eb('r.path', 'like', `%/${id}/%`))))
        .execute()
    : [];
  const roomByKey = new Map(rooms.map((r) => [`${r.path.split('/').find((seg) => named.has(seg))}|${roomKey(r.label)}`, r.id]));

  const serials = [...new Set(rows.map((r) => r.serial))];
  const known = new Map<string, { compound_id: string; room_id: string | null; day: string; kind: string; amount_fen: number; balance_fen: number | null; summary: string }>();
  for (let i = 0; i < serials.length; i += 1000) {
    const found = await db
      .selectFrom('fee_fund_entries')
      .select(['serial', 'compound_id', 'room_id', sql<string>`to_char(day, 'YYYY-MM-DD')`.as('day'), 'kind', 'amount_fen', 'balance_fen', 'summary'])
      .where('street_id', '=', place.street_id)
      .where('serial', 'in', serials.slice(i, i + 1000))
      .execute();
    for (const f of found) known.set(f.serial, { ...f, amount_fen: Number(f.amount_fen), balance_fen: f.balance_fen === null ? null : Number(f.balance_fen) });
  }

  const errors = [...readErrors];
  const added: MatchedRow[] = [];
  const inFile = new Map<string, MatchedRow>();
  let present = 0;
  const same = (a: { compound_id: string; room_id: string | null; day: string; kind: string; amount_fen: number; balance_fen: number | null; summary: string }, r: MatchedRow) =>
    a.compound_id === r.compoundId && a.room_id === r.roomId && a.day === r.day && a.kind === r.kind && a.amount_fen === r.amountFen && a.balance_fen === r.balanceFen && a.summary === r.summary;
  const asStored = (r: MatchedRow) => ({ compound_id: r.compoundId, room_id: r.roomId, day: r.day, kind: r.kind, amount_fen: r.amountFen, balance_fen: r.balanceFen, summary: r.summary });
  for (const r of rows) {
    const fail = (zh: string, en: string) => errors.push({ row: r.row, serial: r.serial, zh, en });
    const compound = compoundByName.get(r.compound);
    if (!compound) {
      fail(`小区“${r.compound}”不在本次导入的范围内`, `No compound "${r.compound}" under the place imported at`);
      continue;
    }
    let roomId: string | null = null;
    if (r.room) {
      roomId = roomByKey.get(`${compound.id}|${roomKey(r.room)}`) ?? null;
      if (!roomId) {
        fail(`${r.compound}没有房屋“${r.room}”`, `${r.compound} has no room "${r.room}"`);
        continue;
      }
    }
    const m: MatchedRow = { ...r, compoundId: compound.id, roomId };
    const before = known.get(r.serial) ?? (inFile.has(r.serial) ? asStored(inFile.get(r.serial)!) : undefined);
    if (before) {
      if (same(before, m)) present++;
      else
        fail(
          `流水号 ${r.serial} 已${known.has(r.serial) ? '导入' : '在本文件中出现'}，但内容不同（原为 ${before.day} ${FUND_KIND_ZH[before.kind as keyof typeof FUND_KIND_ZH]} ${(before.amount_fen / 100).toFixed(2)} 元）：不会覆盖，请核对`,
          `Serial ${r.serial} is ${known.has(r.serial) ? 'recorded already' : 'in this file already'} with different content (${before.day}, ${(before.amount_fen / 100).toFixed(2)} yuan): nothing is overwritten; please check`,
        );
      continue;
    }
    inFile.set(r.serial, m);
    added.push(m);
  }
  const byCompound = new Map<string, { compoundId: string; name: string; rows: number; netFen: number }>();
  for (const a of added) {
    const c = byCompound.get(a.compoundId) ?? { compoundId: a.compoundId, name: a.compound, rows: 0, netFen: 0 };
    c.rows++;
    c.netFen += FUND_KIND_SIGN[a.kind] * a.amountFen;
    byCompound.set(a.compoundId, c);
  }
  errors.sort((a, b) => a.row - b.row);
  return { report: { total, added: added.length, present, errors, compounds: [...byCompound.values()] }, added };
}
