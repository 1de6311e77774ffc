import { SYSTEM_ACTOR } from '../../../kernel/access/index.ts';
import { audit, type Ctx, type Kernel } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/ids.ts';
import type { Job } from '../../../kernel/jobs/jobs.ts';
import type { Colour } from '../supervision.assessment.constants.ts';
import type { CreditRecordKind, CreditSettings } from '../supervision.credit.constants.ts';
import { latestCreditSettings } from '../supervision.credit.repository.ts';
import { addMonthsChina } from '../supervision.credit.scoring.ts';
import { read, type Tx, write } from '../supervision.db.ts';
import { accountOf, creditStreetFor } from './credit-access.ts';
import { noticeCreditEvents } from './notice-credit-events.ts';
import { publishedColoursFor } from './published-colours-for.ts';

const COLOUR_ZH: Record<Colour, string> = { green: '绿色', blue: '蓝色', yellow: '黄色', red: '红色' };

interface Candidate {
  companyId: string;
  companyName: string;
  kind: CreditRecordKind;
  sourceType: 'assessment' | 'notice';
  sourceId: string;
  sourceLabel: string;
  compoundId: string;
  occurredAt: Date;
}

/**
 * Makes the automatic records of one street that are not there yet, in the caller's transaction: each compound's
 * colour of every PUBLISHED assessment period (for the company it was assessed for, when it was published), each
 * notice that ran overdue and each notice sent back. A record is unique per kind and source, so running it again
 * adds nothing (two syncs at once: the unique key makes the second wait and skip). Points, basis and validity come from the street's latest settings, and stay on the record.
 */
async function syncStreet(tx: Tx, ctx: Ctx, streetId: string, auditEmpty: boolean): Promise<{ added: number; byKind: Partial<Record<CreditRecordKind, number>> }> {
  const settings: CreditSettings = await latestCreditSettings(tx, streetId);
  const candidates: Candidate[] = [];
  for (const c of await publishedColoursFor(tx, streetId)) {
    candidates.push({
      companyId: c.companyId,
      companyName: c.companyName,
      kind: `assessment_${c.colour}`,
      sourceType: 'assessment',
      sourceId: `${c.period}:${c.compoundId}`,
      sourceLabel: `${c.period} ${c.compoundName} 考评${COLOUR_ZH[c.colour]}`,
      compoundId: c.compoundId,
      occurredAt: c.publishedAt,
    });
  }
  for (const e of await noticeCreditEvents(tx, streetId)) {
    candidates.push({
      companyId: e.companyId,
      companyName: e.companyName,
      kind: e.kind === 'overdue' ? 'notice_overdue' : 'notice_reissued',
      sourceType: 'notice',
      sourceId: e.noticeId,
      sourceLabel: `${e.no} ${e.title}${e.kind === 'overdue' ? '（逾期未整改）' : '（重新整改）'}`.slice(0, 200),
      compoundId: e.compoundId,
      occurredAt: e.at,
    });
  }
  const now = ctx.kernel.clock.now();
  const byKind: Partial<Record<CreditRecordKind, number>> = {};
  let added = 0;
  for (const c of candidates) {
    const rule = settings.kinds[c.kind];
    const inserted = await tx
      .insertInto('sup_credit_records')
      .values({
        street_id: streetId,
        id: newId(),
        company_id: c.companyId,
        company_name: c.companyName,
        kind: c.kind,
        points_centi: rule.points!,
        basis: rule.basis,
        source_type: c.sourceType,
        source_id: c.sourceId,
        source_label: c.sourceLabel,
        compound_id: c.compoundId,
        occurred_at: c.occurredAt,
        expires_at: addMonthsChina(c.occurredAt, settings.validityMonths),
        settings_version: settings.version,
        created_by: accountOf(ctx),
        created_at: now,
      })
      .onConflict((oc) => oc.columns(['street_id', 'kind', 'source_type', 'source_id']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (inserted) {
      added++;
      byKind[c.kind] = (byKind[c.kind] ?? 0) + 1;
    }
  }
  if (added > 0 || auditEmpty) {
    await audit(tx, ctx, {
      action: 'supervision.credit.records_synced',
      placeId: streetId,
      subjectType: 'sup_credit_records',
      subjectId: streetId,
      detail: { added, byKind, settingsVersion: settings.version },
    });
  }
  return { added, byKind };
}

/**
 * The button 同步信用记录 (SUPERVISION_ROLES.creditManage at the street): the street's automatic records, now. One
 * transaction; audited even when it found nothing new (who ran it, and that it added 0).
 */
export async function syncCreditRecords(ctx: Ctx, input: { streetId: string }) {
  return write(ctx, async (tx) => {
    const street = await creditStreetFor(ctx, tx, input.streetId, 'creditManage');
    return { streetId: street.id, ...(await syncStreet(tx, ctx, street.id, true)) };
  });
}

/** The hourly job: every street's automatic records, each street its own transaction, as the system; audited only when it added any (an empty hourly run writes nothing). */
export async function syncAllCreditRecords(kernel: Kernel): Promise<{ added: number }> {
  const ctx: Ctx = { kernel, actor: SYSTEM_ACTOR };
  const streets = await read(kernel).selectFrom('street_places').select('id').where('kind', '=', 'street').orderBy('id').execute();
  let added = 0;
  for (const s of streets) {
    added += await write(ctx, async (tx) => (await syncStreet(tx, ctx, s.id, false)).added);
  }
  return { added };
}

export const syncCreditRecordsJob: Job = { name: 'supervision.sync_credit_records', everyMs: 60 * 60_000, run: syncAllCreditRecords };
