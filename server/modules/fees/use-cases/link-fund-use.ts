import { audit, type Ctx } from '../../../kernel/context.ts';
import { checkAttachment, type Upload } from '../../../kernel/files/attachment-check.ts';
import { passedDecisionsAt } from '../../decisions/index.ts';
import { read, write } from '../fees.db.ts';
import { FeesErrors } from '../fees.errors.ts';
import { accountOf } from './arrears-scope.ts';
import { fundStaffEntry } from './fund-access.ts';

/** The emergency procedure's document: a scan or a PDF of the certification. */
export const FUND_DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;

export type FundBasisInput =
  | { kind: 'decision'; decisionId: string; reason?: string | undefined }
  | { kind: 'emergency'; what?: string | undefined; day?: string | undefined; certifiedBy?: string | undefined; reason?: string | undefined };

/**
 * Ties a use (使用) to what allowed it: a passed owners' decision of the same compound (Civil Code art. 278
 * item 5), or — for an emergency the law allows without a vote (电梯、消防等危及安全的紧急情况) — the emergency
 * procedure's record: what happened, the date, who certified it, and the document. A use marked emergency
 * without the whole record is refused. A basis once set changes only with a reason; the audit entry keeps what
 * it was and what it became. Officials of the street and community and the owners' committee link.
 */
export async function linkFundUse(ctx: Ctx, entryId: string, input: FundBasisInput, document: Upload | null) {
  const db = read(ctx);
  const e = await fundStaffEntry(ctx, db, entryId, 'link');
  if (e.kind !== 'use') throw FeesErrors.FUND_NOT_A_USE();
  const before = await db.selectFrom('fee_fund_use_bases').selectAll().where('street_id', '=', e.street_id).where('entry_id', '=', e.id).executeTakeFirst();
  const reason = input.reason?.trim() ?? '';
  if (before && reason.length < 2) throw FeesErrors.FUND_REASON_REQUIRED();

  let row: { kind: 'decision' | 'emergency'; decision_id: string | null; decision_title: string | null; emergency_what: string | null; emergency_day: string | null; emergency_certified_by: string | null; document_name: string | null; document_mime: string | null };
  let keepDocumentKey: string | null = null;
  let checkedDocument: { name: string; mime: string } | null = null;
  if (input.kind === 'decision') {
    const decision = (await passedDecisionsAt(db, e.compound_id)).find((d) => d.id === input.decisionId);
    if (!decision) throw FeesErrors.FUND_DECISION_INVALID();
    row = { kind: 'decision', decision_id: decision.id, decision_title: decision.title, emergency_what: null, emergency_day: null, emergency_certified_by: null, document_name: null, document_mime: null };
  } else {
    const what = input.what?.trim() ?? '';
    const certifiedBy = input.certifiedBy?.trim() ?? '';
    // A change of an emergency record may keep the document it had; a new record brings its own.
    const keeps = !document && before?.kind === 'emergency' && before.document_key;
    if (what.length < 2 || !input.day || certifiedBy.length < 2 || (!document && !keeps)) throw FeesErrors.FUND_EMERGENCY_RECORD();
    if (document) checkedDocument = checkAttachment(document, FUND_DOCUMENT_MAX_BYTES);
    else keepDocumentKey = before!.document_key;
    row = {
      kind: 'emergency',
      decision_id: null,
      decision_title: null,
      emergency_what: what,
      emergency_day: input.day,
      emergency_certified_by: certifiedBy,
      document_name: checkedDocument?.name ?? before!.document_name,
      document_mime: checkedDocument?.mime ?? before!.document_mime,
    };
  }
  return write(ctx, async (tx) => {
    // The file is stored only once every check has passed: a refused request keeps nothing.
    const documentKey = document && checkedDocument ? await ctx.kernel.files.put(document.content) : keepDocumentKey;
    const values = { ...row, document_key: documentKey, linked_by: accountOf(ctx), linked_at: ctx.kernel.clock.now() };
    await tx
      .insertInto('fee_fund_use_bases')
      .values({ street_id: e.street_id, entry_id: e.id, ...values })
      .onConflict((oc) => oc.columns(['street_id', 'entry_id']).doUpdateSet(values))
      .execute();
    const describe = (b: { kind: string; decision_id: string | null; decision_title: string | null; emergency_what: string | null; emergency_day: string | null; emergency_certified_by: string | null; document_name: string | null }) =>
      b.kind === 'decision' ? { kind: 'decision', decisionId: b.decision_id, title: b.decision_title } : { kind: 'emergency', what: b.emergency_what, day: b.emergency_day, certifiedBy: b.emergency_certified_by, document: b.document_name };
    await audit(tx, ctx, {
      action: before ? 'fees.fund.use_relinked' : 'fees.fund.use_linked',
      placeId: e.compound_id,
      subjectType: 'fee_fund_entry',
      subjectId: e.id,
      detail: { serial: e.serial, ...(before ? { reason, before: describe(before), after: describe(row) } : { basis: describe(row) }) },
    });
    return { entryId: e.id, basis: describe(row) };
  });
}

/** The emergency record's document of a use, for whoever reads the compound's fund. */
export async function fundUseDocument(ctx: Ctx, entryId: string) {
  const db = read(ctx);
  const e = await fundStaffEntry(ctx, db, entryId, 'read');
  const b = await db.selectFrom('fee_fund_use_bases').select(['document_key', 'document_name', 'document_mime']).where('street_id', '=', e.street_id).where('entry_id', '=', e.id).executeTakeFirst();
  const content = b?.document_key ? await ctx.kernel.files.get(b.document_key) : null;
  if (!b || !content) throw FeesErrors.FUND_NO_DOCUMENT();
  return { fileName: b.document_name ?? 'document', mime: b.document_mime ?? 'application/octet-stream', content };
}
