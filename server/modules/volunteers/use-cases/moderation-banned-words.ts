import ExcelJS from 'exceljs';
import { findPlace, isSystem, type PlaceRow, streetOf } from '../../../kernel/access/index.ts';
import { chinaDay } from '../../../kernel/clock.ts';
import { audit, type Ctx } from '../../../kernel/context.ts';
import { containing } from '../../../kernel/db/like.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { newId } from '../../../kernel/ids.ts';
import { type Page, offsetOf, paginate, sortable } from '../../../kernel/pagination.ts';
import { BoardsErrors } from '../volunteers.boards.errors.ts';
import type { BannedWordBody, BannedWordsQuery } from '../volunteers.boards.schemas.ts';
import { VOLUNTEERS_ROLES } from '../volunteers.constants.ts';
import { type Executor, read, write } from '../volunteers.db.ts';
import { VolunteersErrors } from '../volunteers.errors.ts';

export const BannedWordsSort = sortable({ word: 'w.word', createdAt: 'w.created_at' }, { sort: 'createdAt', order: 'desc' }, 'w.id');

type Permission = 'boardsRead' | 'boardsModerate';
/** The streets where the actor holds a grant with the permission (at the street or anywhere in it). */
const holdsIn = (ctx: Ctx, permission: Permission, street: PlaceRow) =>
  !isSystem(ctx.actor) && ctx.actor.grants.some((g) => (VOLUNTEERS_ROLES[permission] as readonly string[]).includes(g.role) && (g.placePath.startsWith(street.path) || street.path.startsWith(g.placePath)));

/**
 * The street whose banned-word list the actor reads or keeps: the street of the place asked for (one the actor's
 * grants reach), else of their first grant. The list is the street's: the community keeps it for all its compounds.
 */
async function streetFor(db: Executor, ctx: Ctx, permission: Permission, placeId: string | undefined): Promise<PlaceRow> {
  const grant = isSystem(ctx.actor) ? undefined : ctx.actor.grants.find((g) => (VOLUNTEERS_ROLES[permission] as readonly string[]).includes(g.role));
  const anyRead = isSystem(ctx.actor) ? undefined : ctx.actor.grants.find((g) => (VOLUNTEERS_ROLES.boardsRead as readonly string[]).includes(g.role));
  const from = placeId ?? grant?.placeId ?? anyRead?.placeId;
  if (!from) throw CommonErrors.FORBIDDEN();
  const place = await findPlace(db, from);
  if (!place?.street_id) throw VolunteersErrors.PLACE_NOT_FOUND();
  const street = await findPlace(db, streetOf(place));
  if (!street) throw VolunteersErrors.PLACE_NOT_FOUND();
  if (!holdsIn(ctx, 'boardsRead', street) && !holdsIn(ctx, 'boardsModerate', street)) throw VolunteersErrors.PLACE_NOT_FOUND();
  if (!holdsIn(ctx, permission, street)) throw CommonErrors.FORBIDDEN();
  return street;
}

export interface BannedWordRow {
  id: string;
  word: string;
  createdAt: Date;
}

/** The street's banned-word list: search, sort, page (every posting, request message and care record is checked against it). */
export async function listBannedWords(ctx: Ctx, q: BannedWordsQuery): Promise<Page<BannedWordRow> & { streetName: string }> {
  const db = read(ctx);
  const street = await streetFor(db, ctx, 'boardsRead', q.placeId);
  const base = () =>
    db
      .selectFrom('vol_banned_words as w')
      .where('w.street_id', '=', street.id)
      .$if(!!q.q, (s) => s.where('w.word', 'ilike', containing(q.q!)));
  const items = BannedWordsSort.orderBy(base().select(['w.id', 'w.word', 'w.created_at as createdAt']), q).limit(q.pageSize).offset(offsetOf(q)).execute();
  const count = base()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { ...(await paginate(q, items, count)), streetName: street.name };
}

/** The street's list (up to 20,000 words, searched and sorted as on screen) as xlsx. */
export async function exportBannedWordsXlsx(ctx: Ctx, q: BannedWordsQuery): Promise<{ fileName: string; content: Buffer }> {
  const db = read(ctx);
  const street = await streetFor(db, ctx, 'boardsRead', q.placeId);
  const rows = await BannedWordsSort.orderBy(
    db
      .selectFrom('vol_banned_words as w')
      .select(['w.id', 'w.word', 'w.created_at as createdAt'])
      .where('w.street_id', '=', street.id)
      .$if(!!q.q, (s) => s.where('w.word', 'ilike', containing(q.q!))),
    q,
  )
    .limit(20_000)
    .execute();
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('敏感词');
  sheet.columns = [
    { header: '敏感词', width: 24 },
    { header: '添加时间', width: 18 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) sheet.addRow([r.word, new Date(r.createdAt.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ')]);
  return { fileName: `敏感词-${street.name}-${chinaDay(ctx.kernel.clock.now())}.xlsx`, content: Buffer.from(await wb.xlsx.writeBuffer()) };
}

/** Adds a word to the street's list (a word already there is refused). Audited. */
export async function addBannedWord(ctx: Ctx, body: BannedWordBody): Promise<BannedWordRow> {
  return write(ctx, async (tx) => {
    const street = await streetFor(tx, ctx, 'boardsModerate', body.placeId);
    const id = newId();
    const now = ctx.kernel.clock.now();
    const row = await tx
      .insertInto('vol_banned_words')
      .values({ street_id: street.id, id, word: body.word, created_by: ctx.actor.accountId, created_at: now })
      .onConflict((oc) => oc.columns(['street_id', 'word']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!row) throw BoardsErrors.WORD_EXISTS({ word: body.word });
    await audit(tx, ctx, { action: 'volunteers.boards.banned_word_added', placeId: street.id, subjectType: 'vol_banned_word', subjectId: id, detail: { word: body.word } });
    return { id, word: body.word, createdAt: now };
  });
}

/** Removes a word from the street's list. Audited. */
export async function removeBannedWord(ctx: Ctx, id: string): Promise<{ id: string; removed: true }> {
  return write(ctx, async (tx) => {
    const word = await tx.selectFrom('vol_banned_words').select(['street_id', 'word']).where('id', '=', id).executeTakeFirst();
    if (!word) throw BoardsErrors.WORD_NOT_FOUND();
    const street = await streetFor(tx, ctx, 'boardsModerate', word.street_id).catch((e) => {
      throw (e as { code?: string }).code === 'PLACE_NOT_FOUND' ? BoardsErrors.WORD_NOT_FOUND() : e;
    });
    await tx.deleteFrom('vol_banned_words').where('street_id', '=', street.id).where('id', '=', id).execute();
    await audit(tx, ctx, { action: 'volunteers.boards.banned_word_removed', placeId: street.id, subjectType: 'vol_banned_word', subjectId: id, detail: { word: word.word } });
    return { id, removed: true as const };
  });
}
