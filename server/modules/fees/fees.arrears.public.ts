import type { PublicPage } from '../../kernel/public/public-pages.ts';
import { chinaDay } from '../../kernel/clock.ts';
import { read } from './fees.db.ts';
import { yuan, yuanInCapitals } from './use-cases/arrears-rules.ts';
import { issuerName, receiptQuery } from './use-cases/receipt-access.ts';

/**
 * The receipt check (收据核验), the page a receipt's QR code opens: anyone holding the paper sees that the
 * platform issued it — number, amount, date, issuer, the masked payer — and whether it is still valid (有效) or
 * was voided (已作废). No room, no phone, no full name: only what the paper shows already, masked.
 */
export const receiptCheckPage: PublicPage = {
  key: 'fees.receipt',
  title: { 'zh-CN': '收据核验', en: 'Receipt check' },
  param: 'id',
  // The payer, masked (张*), is the one name on the page: a list item's `by`, so the scan holds it to a masked name.
  maskedNames: ['sections[].items[].by'],
  cacheSeconds: 30,
  async load(kernel, { id, locale }) {
    if (!id) return null;
    const db = read(kernel);
    const r = await receiptQuery(db).where('r.id', '=', id).executeTakeFirst();
    if (!r) return null;
    const en = locale === 'en';
    const valid = r.status === 'valid';
    return {
      title: en ? `Receipt ${r.no}` : `收据 ${r.no}`,
      subtitle: valid ? (en ? 'Valid: issued through the platform' : '有效：本平台开具') : en ? 'VOIDED' : '已作废',
      updatedAt: (r.voidedAt ?? r.issuedAt).toISOString(),
      sections: [
        {
          kind: 'facts',
          facts: [
            { label: en ? 'Number' : '收据号', value: r.no },
            { label: en ? 'Amount' : '金额', value: `¥${yuan(r.amountFen)}（${yuanInCapitals(r.amountFen)}）` },
            { label: en ? 'Date' : '开具日期', value: chinaDay(r.issuedAt) },
            { label: en ? 'Issuer' : '收款单位', value: await issuerName(db, r) },
            { label: en ? 'Status' : '状态', value: valid ? (en ? 'Valid' : '有效') : en ? 'Voided' : '已作废' },
          ],
        },
        {
          kind: 'list',
          items: [r.payerNameMasked ? { title: en ? 'Payer' : '缴费人', by: r.payerNameMasked } : { title: en ? 'Payer' : '缴费人', text: '—' }],
        },
      ],
    };
  },
  async sampleIds(kernel) {
    return (await read(kernel).selectFrom('fee_receipts').select('id').orderBy('issued_at', 'desc').limit(3).execute()).map((r) => r.id);
  },
};
