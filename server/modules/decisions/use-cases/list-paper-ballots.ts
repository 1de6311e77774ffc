import { sql } from 'kysely';
import type { Ctx } from '../../../kernel/context.ts';
import { containing } from '../../../kernel/db/like.ts';
import { offsetOf, paginate } from '../../../kernel/pagination.ts';
import { type Executor, read } from '../decisions.db.ts';
import { type DecisionRow, ROOMS_OF_ENTRY } from '../decisions.repository.ts';
import { type PaperBallotsQuery, PaperBallotsSort } from '../decisions.schemas.ts';
import { decisionFor } from './decision-access.ts';

/**
 * The paper and proxy ballots of a decision as the people entering and checking them see them: the sheet, the
 * owner (masked), the choices as entered, the scan's hash, who entered and who checked. Those who organise see the
 * choices here because checking them against the scan is their job; the rest of the per-owner choices stay with
 * `seeChoices`.
 */
export function paperBallotsOf(db: Executor, d: Pick<DecisionRow, 'street_id' | 'id'>, accountId: string) {
  return db
    .selectFrom('dec_ballots as b')
    .innerJoin('dec_roll_entries as e', (j) => j.onRef('e.street_id', '=', 'b.street_id').onRef('e.id', '=', 'b.entry_id'))
    .leftJoin('dec_sheets as s', (j) => j.onRef('s.street_id', '=', 'b.street_id').onRef('s.id', '=', 'b.sheet_id'))
    .leftJoin('dec_proxies as p', (j) => j.onRef('p.street_id', '=', 'b.street_id').onRef('p.id', '=', 'b.proxy_id'))
    .leftJoin('accounts as ae', 'ae.id', 'b.entered_by')
    .leftJoin('accounts as ac', 'ac.id', 'b.checked_by')
    .where('b.street_id', '=', d.street_id)
    .where('b.decision_id', '=', d.id)
    .where('b.channel', 'in', ['paper', 'proxy'])
    .select([
      'b.id',
      's.code as sheetCode',
      'b.entry_id as entryId',
      'e.no as entryNo',
      'e.label',
      'b.channel',
      'b.status',
      'b.choices',
      'b.invalid_reason as invalidReason',
      'b.invalid_note as invalidNote',
      'b.mismatch_note as mismatchNote',
      sql<string | null>`b.scan->>'sha256'`.as('scanSha256'),
      'ae.display_name as enteredBy',
      sql<boolean>`b.entered_by = ${accountId}`.as('enteredByMe'),
      'b.cast_at as enteredAt',
      'ac.display_name as checkedBy',
      'b.checked_at as checkedAt',
      'p.name as proxyName',
      'b.receipt',
    ])
    .select((eb) =>
      ROOMS_OF_ENTRY.as('rooms'),
    );
}
export type PaperBallot = Awaited<ReturnType<ReturnType<typeof paperBallotsOf>['executeTakeFirstOrThrow']>>;

/** One paper ballot, as the list shows it. */
export const paperBallotById = (db: Executor, d: Pick<DecisionRow, 'street_id' | 'id'>, accountId: string, ballotId: string) =>
  paperBallotsOf(db, d, accountId).where('b.id', '=', ballotId).executeTakeFirstOrThrow();

/** 纸质票录入与核对: the decision's paper and proxy ballots, filtered by status and searched by room, name or sheet code. */
export async function listPaperBallots(ctx: Ctx, id: string, q: PaperBallotsQuery) {
  const db = read(ctx);
  const d = await decisionFor(db, ctx.actor, id, 'organise');
  const base = paperBallotsOf(db, d, ctx.actor.accountId)
    .$if(!!q.status, (qb) => qb.where('b.status', '=', q.status!))
    .$if(!!q.q, (qb) =>
      qb.where((eb) =>
        eb.or([
          eb('e.label', 'ilike', containing(q.q!)),
          eb('s.code', '=', q.q!.toUpperCase()),
          eb.exists(eb.selectFrom('dec_roll_parts as r2').whereRef('r2.street_id', '=', 'e.street_id').whereRef('r2.entry_id', '=', 'e.id').where('r2.room_label', 'ilike', containing(q.q!)).select('r2.room_id')),
        ]),
      ),
    );
  return paginate(
    q,
    PaperBallotsSort.orderBy(base, q).limit(q.pageSize).offset(offsetOf(q)).execute(),
    base.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  );
}
