import { sql } from 'kysely';
import type { Ctx } from '../../../kernel/context.ts';
import { containing } from '../../../kernel/db/like.ts';
import { offsetOf, paginate } from '../../../kernel/pagination.ts';
import { SHEET_CODE_LENGTH } from '../decisions.constants.ts';
import { type Executor, read } from '../decisions.db.ts';
import { DecisionsErrors } from '../decisions.errors.ts';
import { BUILDING_OF_PART, type DecisionRow, itemsOf, ROOMS_OF_ENTRY } from '../decisions.repository.ts';
import { type SheetsQuery, SheetsSort } from '../decisions.schemas.ts';
import { decisionFor } from './decision-access.ts';
import { paperBallotsOf } from './list-paper-ballots.ts';

function sheetsOf(db: Executor, d: Pick<DecisionRow, 'street_id' | 'id'>) {
  return db
    .selectFrom('dec_sheets as s')
    .innerJoin('dec_roll_entries as e', (j) => j.onRef('e.street_id', '=', 's.street_id').onRef('e.id', '=', 's.entry_id'))
    .leftJoin('dec_sheets as n', (j) => j.onRef('n.street_id', '=', 's.street_id').onRef('n.id', '=', 's.replaced_by'))
    .leftJoin('dec_ballots as b', (j) => j.onRef('b.street_id', '=', 's.street_id').onRef('b.sheet_id', '=', 's.id'))
    .where('s.street_id', '=', d.street_id)
    .where('s.decision_id', '=', d.id)
    .select([
      's.id',
      's.code',
      's.entry_id as entryId',
      'e.no as entryNo',
      'e.label',
      'e.area_centi as areaCenti',
      's.status',
      's.issued_at as issuedAt',
      's.void_reason as voidReason',
      'n.code as replacedBy',
      'b.status as ballotStatus',
    ])
    .select((eb) =>
      ROOMS_OF_ENTRY.as('rooms'),
    );
}

/** The paper ballot sheets issued for a decision, by building, searched by room, masked name or code. */
export async function listSheets(ctx: Ctx, id: string, q: SheetsQuery) {
  const db = read(ctx);
  const d = await decisionFor(db, ctx.actor, id, 'organise');
  const base = sheetsOf(db, d)
    .$if(!!q.status, (qb) => qb.where('s.status', '=', q.status!))
    .$if(!!q.building, (qb) =>
      qb.where((eb) =>
        eb.exists(
          eb.selectFrom('dec_roll_parts as rp').whereRef('rp.street_id', '=', 'e.street_id').whereRef('rp.entry_id', '=', 'e.id').where(BUILDING_OF_PART, '=', q.building!).select('rp.room_id'),
        ),
      ),
    )
    .$if(!!q.q, (qb) =>
      qb.where((eb) =>
        eb.or([
          eb('s.code', '=', q.q!.toUpperCase()),
          eb('e.label', 'ilike', containing(q.q!)),
          eb.exists(
            eb.selectFrom('dec_roll_parts as r2').whereRef('r2.street_id', '=', 'e.street_id').whereRef('r2.entry_id', '=', 'e.id').where('r2.room_label', 'ilike', containing(q.q!)).select('r2.room_id'),
          ),
        ]),
      ),
    );
  return paginate(
    q,
    SheetsSort.orderBy(base, q).limit(q.pageSize).offset(offsetOf(q)).execute(),
    base.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  );
}

/** What a scanner reads from a sheet's QR code (a workbench URL ending in `?sheet=CODE`), or the code typed by hand. */
export function sheetCodeOf(scanned: string): string {
  const text = scanned.trim();
  const fromUrl = /[?&]sheet=([0-9A-Za-z]+)/.exec(text)?.[1];
  return (fromUrl ?? text).toUpperCase().replace(/[^0-9A-Z]/g, '').slice(0, SHEET_CODE_LENGTH * 2);
}

/**
 * A sheet found by its code (typed, or the URL its QR code carries) for the entry screen: whose it is, the items to
 * tick, the owner's proxy if any, and the ballot already entered from it.
 */
export async function sheetByCode(ctx: Ctx, id: string, scanned: string) {
  const db = read(ctx);
  const d = await decisionFor(db, ctx.actor, id, 'organise');
  const code = sheetCodeOf(scanned);
  const sheet = await sheetsOf(db, d).where('s.code', '=', code).executeTakeFirst();
  if (!sheet) throw DecisionsErrors.SHEET_NOT_FOUND({ code });
  const [items, proxy, ballot] = await Promise.all([
    itemsOf(db, d.street_id, d.id),
    db
      .selectFrom('dec_proxies')
      .select(['id', 'name', 'status'])
      .where('street_id', '=', d.street_id)
      .where('decision_id', '=', d.id)
      .where('entry_id', '=', sheet.entryId)
      // The live proxy if there is one, else the latest.
      .orderBy(sql`status in ('pending', 'checked')`, 'desc')
      .orderBy('registered_at', 'desc')
      .executeTakeFirst(),
    paperBallotsOf(db, d, ctx.actor.accountId).where('b.sheet_id', '=', sheet.id).executeTakeFirst(),
  ]);
  return {
    sheet,
    items: items.map((i) => ({ no: i.no, title: i.title })),
    proxy: proxy ? { id: proxy.id, name: proxy.name, status: proxy.status } : null,
    ballot: ballot ?? null,
  };
}
