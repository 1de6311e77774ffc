import { createHash } from 'node:crypto';
import { audit, type Ctx } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/ids.ts';
import { type PageQuery, paginate, offsetOf } from '../../../kernel/pagination.ts';
import { read, write } from '../fees.db.ts';
import { FeesErrors } from '../fees.errors.ts';
import type { FundImportReport } from '../fees.fund.constants.ts';
import { fundAllows, fundPlaceFilter } from '../fees.fund.policy.ts';
import { accountOf } from './arrears-scope.ts';
import { checkFundStatement } from './check-fund-statement.ts';
import { fundStaffPlace } from './fund-access.ts';
import { readFundStatement } from './read-fund-statement.ts';

/** Where a statement may be imported: the street (its officials), or a place under it (compounds resolve beneath). */
const IMPORT_KINDS = ['street', 'community', 'grid', 'compound'] as const;

/**
 * Uploads the authority's statement and checks it (the dry run): a file that is not the template's xlsx is
 * refused whole and nothing is kept; otherwise the file is kept (content-addressed) with its report — rows new,
 * rows present already, and error rows with their numbers — and nothing enters the fund until the commit.
 */
export async function uploadFundStatement(ctx: Ctx, input: { placeId: string; fileName: string; content: Buffer }) {
  const db = read(ctx);
  const place = await fundStaffPlace(ctx, db, input.placeId, 'import', IMPORT_KINDS);
  if (input.content.length === 0) throw FeesErrors.FUND_FILE_REQUIRED();
  const statement = await readFundStatement(input.content);
  const { report } = await checkFundStatement(db, place, statement.rows, statement.errors, statement.total);
  const fileName = (input.fileName.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 200) || '维修资金对账单.xlsx';
  const sha256 = createHash('sha256').update(input.content).digest('hex');
  const id = newId();
  return write(ctx, async (tx) => {
    const fileKey = await ctx.kernel.files.put(input.content);
    await tx
      .insertInto('fee_fund_imports')
      .values({
        street_id: place.street_id,
        id,
        place_id: place.id,
        file_key: fileKey,
        file_name: fileName,
        file_sha256: sha256,
        total_rows: report.total,
        new_rows: report.added,
        present_rows: report.present,
        error_rows: report.errors.length,
        report: JSON.stringify(report),
        created_by: accountOf(ctx),
        created_at: ctx.kernel.clock.now(),
      })
      .execute();
    await audit(tx, ctx, { action: 'fees.fund.statement_checked', placeId: place.id, subjectType: 'fee_fund_import', subjectId: id, detail: { file: fileName, sha256, total: report.total, added: report.added, present: report.present, errors: report.errors.length } });
    return { id, status: 'checked' as const, fileName, report };
  });
}

async function importFor(ctx: Ctx, id: string) {
  const row = await read(ctx)
    .selectFrom('fee_fund_imports as i')
    .innerJoin('street_places as p', (j) => j.onRef('p.street_id', '=', 'i.street_id').onRef('p.id', '=', 'i.place_id'))
    .select(['i.street_id', 'i.id', 'i.place_id', 'p.name as placeName', 'p.path', 'i.file_key', 'i.file_name', 'i.status', 'i.report', 'i.created_at', 'i.committed_at'])
    .where('i.id', '=', id)
    .executeTakeFirst();
  if (!row || !fundAllows(ctx.actor, 'import', row.path)) throw FeesErrors.FUND_IMPORT_NOT_FOUND();
  return row;
}

/** An import with its report (for the importer: officials of its place). */
export async function getFundImport(ctx: Ctx, id: string) {
  const r = await importFor(ctx, id);
  return { id: r.id, placeId: r.place_id, placeName: r.placeName, fileName: r.file_name, status: r.status, report: r.report as FundImportReport, createdAt: r.created_at, committedAt: r.committed_at };
}

/** The imports the actor may make, newest first. */
export async function listFundImports(ctx: Ctx, q: PageQuery) {
  const base = () =>
    read(ctx)
      .selectFrom('fee_fund_imports as i')
      .innerJoin('street_places as p', (j) => j.onRef('p.street_id', '=', 'i.street_id').onRef('p.id', '=', 'i.place_id'))
      .where(fundPlaceFilter(ctx.actor, 'import', 'i.place_id', 'p.path'));
  const items = base()
    .select(['i.id', 'p.name as placeName', 'i.file_name as fileName', 'i.status', 'i.total_rows as total', 'i.new_rows as added', 'i.present_rows as present', 'i.error_rows as errors', 'i.created_at as createdAt', 'i.committed_at as committedAt'])
    .orderBy('i.created_at', 'desc')
    .orderBy('i.id', 'desc')
    .limit(q.pageSize)
    .offset(offsetOf(q))
    .execute();
  return paginate(q, items, base().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow());
}

/**
 * Commits a checked statement in one transaction: the file is checked again against what is recorded now (another
 * import may have come in between), and only a file without error rows is taken — all its new rows, or none.
 * Rows recorded already are skipped, so the same statement imported twice changes nothing.
 */
export async function commitFundStatement(ctx: Ctx, id: string) {
  const imp = await importFor(ctx, id);
  if (imp.status === 'committed') throw FeesErrors.FUND_IMPORT_COMMITTED();
  const content = await ctx.kernel.files.get(imp.file_key);
  if (!content) throw FeesErrors.FUND_IMPORT_NOT_FOUND();
  const statement = await readFundStatement(content);
  return write(ctx, async (tx) => {
    // One import of a street's statement at a time: serials are checked and inserted under this lock.
    const locked = await tx.selectFrom('fee_fund_imports').select('status').where('street_id', '=', imp.street_id).where('id', '=', imp.id).forUpdate().executeTakeFirstOrThrow();
    if (locked.status === 'committed') throw FeesErrors.FUND_IMPORT_COMMITTED();
    const place = await fundStaffPlace(ctx, tx, imp.place_id, 'import', IMPORT_KINDS);
    const { report, added } = await checkFundStatement(tx, place, statement.rows, statement.errors, statement.total);
    if (report.errors.length) throw FeesErrors.FUND_IMPORT_HAS_ERRORS({ count: report.errors.length });
    const now = ctx.kernel.clock.now();
    for (let i = 0; i < added.length; i += 500) {
      await tx
        .insertInto('fee_fund_entries')
        .values(
          added.slice(i, i + 500).map((r) => ({
            street_id: imp.street_id,
            id: newId(),
            serial: r.serial,
            compound_id: r.compoundId,
            room_id: r.roomId,
            day: r.day,
            kind: r.kind,
            amount_fen: r.amountFen,
            balance_fen: r.balanceFen,
            summary: r.summary,
            import_id: imp.id,
            created_at: now,
          })),
        )
        .execute();
    }
    await tx
      .updateTable('fee_fund_imports')
      .set({ status: 'committed', committed_at: now, committed_by: accountOf(ctx), new_rows: report.added, present_rows: report.present, report: JSON.stringify(report) })
      .where('street_id', '=', imp.street_id)
      .where('id', '=', imp.id)
      .execute();
    await audit(tx, ctx, { action: 'fees.fund.statement_imported', placeId: imp.place_id, subjectType: 'fee_fund_import', subjectId: imp.id, detail: { file: imp.file_name, added: report.added, present: report.present, compounds: report.compounds } });
    return { id: imp.id, status: 'committed' as const, report };
  });
}
