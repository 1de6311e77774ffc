import { type Ctx, audit } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/ids.ts';
import { pooledRandomBytes } from '../../../kernel/random.ts';
import { SHEET_CODE_ALPHABET, SHEET_CODE_LENGTH } from '../decisions.constants.ts';
import { type Tx, read, write } from '../decisions.db.ts';
import { DecisionsErrors } from '../decisions.errors.ts';
import { BUILDING_OF_PART, type DecisionRow } from '../decisions.repository.ts';
import { decisionFor } from './decision-access.ts';
import { settingsFor } from './rules-in-force.ts';

/** Sheets are printed and handed out while the roll is out and while voting is open. */
export const SHEET_STATUSES = ['roll_published', 'open'] as const;

/** A sheet's code: 8 characters of an alphabet without I and O, from a cryptographic source (34⁸ ≈ 1.8·10¹²). */
export function newSheetCode(): string {
  const bytes = pooledRandomBytes(SHEET_CODE_LENGTH);
  let code = '';
  // 256 is not a multiple of 34: the slight bias toward the first 18 characters costs a guesser nothing useful.
  for (const b of bytes) code += SHEET_CODE_ALPHABET[b % SHEET_CODE_ALPHABET.length];
  return code;
}

/** Paper ballots must be allowed by the rules the decision runs (or will run) under. */
export async function assertPaperAllowed(tx: Tx, d: DecisionRow): Promise<void> {
  if (!(await settingsFor(tx, d)).channels.value.paper) throw DecisionsErrors.PAPER_NOT_ALLOWED();
}

/**
 * 发放纸质表决票: a personal sheet for every head of the roll (in one building, or all) that has no live sheet yet —
 * so printing a building twice prints the same sheets, and a replaced sheet's successor is the one printed.
 */
export async function issueSheets(ctx: Ctx, id: string, body: { building?: string }) {
  await decisionFor(read(ctx), ctx.actor, id, 'organise', { status: SHEET_STATUSES });
  return write(ctx, async (tx) => {
    const d = await decisionFor(tx, ctx.actor, id, 'organise', { forUpdate: true, status: SHEET_STATUSES });
    await assertPaperAllowed(tx, d);
    const entries = await tx
      .selectFrom('dec_roll_entries as e')
      .select('e.id')
      .where('e.street_id', '=', d.street_id)
      .where('e.decision_id', '=', d.id)
      .where('e.merged_into', 'is', null)
      .where((eb) =>
        eb.not(eb.exists(eb.selectFrom('dec_sheets as s').whereRef('s.street_id', '=', 'e.street_id').whereRef('s.entry_id', '=', 'e.id').where('s.status', '=', 'issued').select('s.id'))),
      )
      .$if(!!body.building, (q) =>
        q.where((eb) =>
          eb.exists(
            eb.selectFrom('dec_roll_parts as rp').whereRef('rp.street_id', '=', 'e.street_id').whereRef('rp.entry_id', '=', 'e.id').where(BUILDING_OF_PART, '=', body.building!).select('rp.room_id'),
          ),
        ),
      )
      .orderBy('e.no')
      .execute();
    const now = ctx.kernel.clock.now();
    if (entries.length > 0) {
      await tx
        .insertInto('dec_sheets')
        .values(entries.map((e) => ({ street_id: d.street_id, id: newId(), decision_id: d.id, entry_id: e.id, code: newSheetCode(), status: 'issued' as const, issued_by: ctx.actor.accountId, issued_at: now })))
        .execute();
    }
    await audit(tx, ctx, { action: 'decisions.sheets.issued', placeId: d.place_id, subjectType: 'decision', subjectId: d.id, detail: { building: body.building ?? null, issued: entries.length } });
    return { issued: entries.length };
  });
}
