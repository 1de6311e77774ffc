import { type Ctx, audit } from '../../../kernel/context.ts';
import type { Upload } from '../../../kernel/files/attachment-check.ts';
import { newId } from '../../../kernel/ids.ts';
import { type Executor, read, write } from '../decisions.db.ts';
import { DecisionsErrors } from '../decisions.errors.ts';
import { type DecisionRow, itemsOf } from '../decisions.repository.ts';
import type { PaperBallotFields } from '../decisions.schemas.ts';
import type { Choice } from '../tally.ts';
import { decisionFor } from './decision-access.ts';
import { type EvidenceForm, storeEvidence } from './evidence-file.ts';
import { assertPaperAllowed } from './issue-sheets.ts';
import { paperBallotById } from './list-paper-ballots.ts';
import { sheetCodeOf } from './list-sheets.ts';
import { settingsFor } from './rules-in-force.ts';
import { overSeats } from './election-ballot.ts';

/** Paper ballots are entered and checked while the decision is open (the box may be emptied after the deadline, before closing). */
export const PAPER_ENTRY_STATUSES = ['open'] as const;

/** The choices of a sheet as entered: every item exactly once — or none at all on an invalid sheet. */
export async function paperChoices(
  db: Executor,
  d: Pick<DecisionRow, 'street_id' | 'id'>,
  input: { choices?: Record<string, Choice>; invalidReason?: string; invalidNote?: string },
): Promise<Record<string, Choice> | null> {
  if (input.invalidReason) {
    if (input.invalidReason === 'other' && !input.invalidNote) throw DecisionsErrors.INVALID_NOTE_REQUIRED();
    return null;
  }
  const items = await itemsOf(db, d.street_id, d.id);
  const choices = input.choices ?? {};
  if (Object.keys(choices).length !== items.length || !items.every((i) => choices[String(i.no)])) throw DecisionsErrors.CHOICES_INCOMPLETE();
  return Object.fromEntries(items.map((i) => [String(i.no), choices[String(i.no)]!]));
}

/**
 * 录入纸质票: one user enters a returned sheet — found by its QR code or typed code — with the choices ticked on it,
 * or the reason it is invalid, and its scan (kept with its SHA-256). It does not count yet: a second, different user
 * checks the entry against the scan (check-paper-ballot.ts). A sheet signed by the owner's registered proxy is a
 * proxy ballot, which also waits for the power of attorney. One entry per sheet; a void sheet is refused.
 */
export async function enterPaperBallot(ctx: Ctx, id: string, readForm: () => Promise<EvidenceForm<PaperBallotFields>>) {
  await decisionFor(read(ctx), ctx.actor, id, 'organise', { status: PAPER_ENTRY_STATUSES });
  const { fields, upload: scanUpload } = await readForm();
  if (!scanUpload) throw DecisionsErrors.SCAN_REQUIRED();
  return write(ctx, async (tx) => {
    const d = await decisionFor(tx, ctx.actor, id, 'organise', { status: PAPER_ENTRY_STATUSES });
    await assertPaperAllowed(tx, d);
    const code = sheetCodeOf(fields.sheet);
    const sheet = await tx.selectFrom('dec_sheets').selectAll().where('street_id', '=', d.street_id).where('decision_id', '=', d.id).where('code', '=', code).executeTakeFirst();
    if (!sheet) throw DecisionsErrors.SHEET_NOT_FOUND({ code });
    if (sheet.status === 'void') {
      const next = sheet.replaced_by && (await tx.selectFrom('dec_sheets').select('code').where('street_id', '=', d.street_id).where('id', '=', sheet.replaced_by).executeTakeFirst());
      throw DecisionsErrors.SHEET_VOID({ replacedBy: next ? next.code : '' });
    }
    const choices = await paperChoices(tx, d, fields);
    // The head's ballots change one at a time: an online ballot of the same owner waits, then meets this one.
    await tx.selectFrom('dec_roll_entries').select('id').where('street_id', '=', d.street_id).where('id', '=', sheet.entry_id).forUpdate().execute();
    const proxyId = fields.byProxy ? await liveProxyOf(tx, d, sheet.entry_id) : null;
    if (fields.byProxy && !(await settingsFor(tx, d)).channels.value.proxy) throw DecisionsErrors.PROXY_NOT_ALLOWED();
    const already = await tx.selectFrom('dec_ballots').select('id').where('street_id', '=', d.street_id).where('sheet_id', '=', sheet.id).executeTakeFirst();
    if (already) throw DecisionsErrors.SHEET_ALREADY_ENTERED();
    // Stored once everything else holds: a refused entry leaves no file behind.
    const scan = await storeEvidence(ctx, scanUpload);
    const ballotId = newId();
    const now = ctx.kernel.clock.now();
    const inserted = await tx
      .insertInto('dec_ballots')
      .values({
        street_id: d.street_id,
        id: ballotId,
        decision_id: d.id,
        entry_id: sheet.entry_id,
        account_id: null,
        channel: proxyId ? 'proxy' : 'paper',
        choices: choices ? JSON.stringify(choices) : null,
        status: 'entered',
        request_key: `sheet-${sheet.id}`,
        cast_at: now,
        sheet_id: sheet.id,
        proxy_id: proxyId,
        scan: JSON.stringify(scan),
        entered_by: ctx.actor.accountId,
        // An election's sheet marking more candidates 同意 than seats is spoilt; the marks stay for the checker.
        invalid_reason: fields.invalidReason ?? (choices && (await overSeats(tx, d, choices)) ? 'over_selected' : null),
        invalid_note: fields.invalidNote ?? null,
      })
      .onConflict((oc) => oc.doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) throw DecisionsErrors.SHEET_ALREADY_ENTERED();
    await audit(tx, ctx, {
      action: 'decisions.paper.entered',
      placeId: d.place_id,
      subjectType: 'decision',
      subjectId: d.id,
      detail: { ballot: ballotId, sheet: sheet.code, proxy: proxyId, invalid: fields.invalidReason ?? null, scanSha256: scan.sha256 },
    });
    return paperBallotById(tx, d, ctx.actor.accountId, ballotId);
  });
}

/** The owner's proxy that may sign their sheet: registered and neither revoked nor rejected. */
async function liveProxyOf(tx: Executor, d: Pick<DecisionRow, 'street_id' | 'id'>, entryId: string): Promise<string> {
  const proxies = await tx
    .selectFrom('dec_proxies')
    .select(['id', 'status'])
    .where('street_id', '=', d.street_id)
    .where('decision_id', '=', d.id)
    .where('entry_id', '=', entryId)
    .orderBy('registered_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  const live = proxies.find((p) => p.status === 'pending' || p.status === 'checked');
  if (live) return live.id;
  const latest = proxies[0];
  if (!latest) throw DecisionsErrors.NO_PROXY();
  throw latest.status === 'revoked' ? DecisionsErrors.PROXY_REVOKED() : DecisionsErrors.PROXY_REJECTED();
}
