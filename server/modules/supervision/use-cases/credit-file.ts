import type { Ctx } from '../../../kernel/context.ts';
import { CreditErrors } from '../supervision.credit.errors.ts';
import { read } from '../supervision.db.ts';
import { companyFor } from './credit-access.ts';

/** An evidence file of a record or a repair application, for whoever reads the company's credit (404 otherwise). */
export async function creditFile(ctx: Ctx, fileId: string): Promise<{ fileName: string; mime: string; content: Buffer }> {
  const db = read(ctx);
  const f = await db.selectFrom('sup_credit_files').selectAll().where('id', '=', fileId).executeTakeFirst();
  if (!f) throw CreditErrors.FILE_NOT_FOUND();
  const owner =
    f.owner_type === 'record'
      ? await db.selectFrom('sup_credit_records').select('company_id').where('street_id', '=', f.street_id).where('id', '=', f.owner_id).executeTakeFirst()
      : await db.selectFrom('sup_credit_repairs').select('company_id').where('street_id', '=', f.street_id).where('id', '=', f.owner_id).executeTakeFirst();
  if (!owner) throw CreditErrors.FILE_NOT_FOUND();
  await companyFor(ctx, db, owner.company_id).catch(() => {
    throw CreditErrors.FILE_NOT_FOUND();
  });
  const content = await ctx.kernel.files.get(f.file_key);
  if (!content) throw CreditErrors.FILE_NOT_FOUND();
  return { fileName: f.file_name, mime: f.mime, content };
}
