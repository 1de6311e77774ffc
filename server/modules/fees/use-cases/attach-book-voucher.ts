import { audit, type Ctx } from '../../../kernel/context.ts';
import { sniffImageType } from '../../../kernel/files/files.ts';
import { assertNoActiveContent } from '../../../kernel/files/pdf-active-content.ts';
import { newId } from '../../../kernel/ids.ts';
import { BOOK_VOUCHER_MAX_BYTES, BOOK_VOUCHERS_PER_LINE } from '../fees.constants.ts';
import { read, write } from '../fees.db.ts';
import { FeesErrors } from '../fees.errors.ts';
import { accountOf, staffLine } from './books-access.ts';
import { afterLineChange } from './add-book-line.ts';

export interface VoucherUpload {
  filename: string;
  mimetype: string;
  content: Buffer;
}
type VoucherType = 'image/jpeg' | 'image/png' | 'application/pdf';
const EXTENSIONS: Record<VoucherType, string[]> = { 'image/jpeg': ['jpg', 'jpeg'], 'image/png': ['png'], 'application/pdf': ['pdf'] };
const UNDECLARED = new Set(['', 'application/octet-stream', 'binary/octet-stream']);

/**
 * A voucher by its content: a JPG or PNG photo of the invoice or a PDF without active content; the declared type
 * and the name's extension, when given, must say the same. Answers the stored name and type.
 */
export function checkBookVoucher(upload: VoucherUpload | undefined): { name: string; mime: VoucherType } {
  if (!upload || upload.content.length === 0) throw FeesErrors.BOOK_VOUCHER_FILE_REQUIRED();
  if (upload.content.length > BOOK_VOUCHER_MAX_BYTES) throw FeesErrors.BOOK_VOUCHER_TOO_LARGE({ mb: BOOK_VOUCHER_MAX_BYTES / 1024 / 1024 });
  const image = sniffImageType(upload.content);
  const actual: VoucherType | null = image === 'image/jpeg' || image === 'image/png' ? image : upload.content.toString('latin1', 0, 5) === '%PDF-' ? 'application/pdf' : null;
  if (!actual) throw FeesErrors.BOOK_VOUCHER_TYPE();
  const declared = upload.mimetype.toLowerCase().split(';')[0]!.trim().replace('image/jpg', 'image/jpeg');
  if (!UNDECLARED.has(declared) && declared !== actual) throw FeesErrors.BOOK_VOUCHER_TYPE({}, { declared, actual });
  let name = (upload.filename.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 180);
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  if (ext && !EXTENSIONS[actual].includes(ext)) throw FeesErrors.BOOK_VOUCHER_TYPE({}, { extension: ext, actual });
  if (!ext) name = `${name || 'voucher'}.${EXTENSIONS[actual][0]}`;
  if (actual === 'application/pdf') assertNoActiveContent(upload.content);
  return { name, mime: actual };
}

/** "true"/"1"/"on" from a form's checkbox: staff ticked 此凭证已遮盖个人信息. */
const ticked = (v: unknown) => typeof v === 'string' && ['true', '1', 'on'].includes(v.trim().toLowerCase());

/**
 * Attaches a voucher to a line of a draft. Who may, and the draft, are checked before the upload is read; the
 * file's content before anything is stored; again under the lock in the transaction. `masked` records that staff
 * ticked 此凭证已遮盖个人信息 — an unticked voucher stops the statement's publication. A new voucher is a change
 * of the line: both confirmations are cleared.
 */
export async function attachBookVoucher(ctx: Ctx, lineId: string, readInput: () => Promise<{ masked: unknown; upload: VoucherUpload | undefined }>) {
  const first = await staffLine(read(ctx), ctx, lineId, 'keep');
  if (first.statement.status !== 'draft') throw FeesErrors.BOOK_PUBLISHED();
  const input = await readInput();
  const { name, mime } = checkBookVoucher(input.upload);
  const masked = ticked(input.masked);
  const content = input.upload!.content;
  return write(ctx, async (tx) => {
    const { line, statement: s } = await staffLine(tx, ctx, lineId, 'keep', true);
    if (s.status !== 'draft') throw FeesErrors.BOOK_PUBLISHED();
    const count = await tx.selectFrom('fee_book_vouchers').select((eb) => eb.fn.countAll<number>().as('n')).where('street_id', '=', s.street_id).where('line_id', '=', line.id).executeTakeFirstOrThrow();
    if (Number(count.n) >= BOOK_VOUCHERS_PER_LINE) throw FeesErrors.BOOK_TOO_MANY_VOUCHERS({ max: BOOK_VOUCHERS_PER_LINE });
    // Stored once every check has passed: a refusal leaves no file behind.
    const key = await ctx.kernel.files.put(content);
    const id = newId();
    await tx
      .insertInto('fee_book_vouchers')
      .values({ street_id: s.street_id, id, line_id: line.id, file_key: key, file_name: name, mime, size_bytes: content.length, masked, uploaded_by: accountOf(ctx), uploaded_at: ctx.kernel.clock.now() })
      .execute();
    const { confirmationsCleared } = await afterLineChange(tx, ctx, s);
    await audit(tx, ctx, { action: 'fees.book_voucher.attached', placeId: s.compound_id, subjectType: 'fee_book_voucher', subjectId: id, after: { lineId: line.id, name, mime, size: content.length, masked, fileKey: key }, detail: { confirmationsCleared } });
    return { id, name, mime, masked, confirmationsCleared };
  });
}
