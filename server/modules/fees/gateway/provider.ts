import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * What the fees module needs of a payment provider (WeChat Pay, Alipay, a bank's aggregator — or the built-in
 * sandbox): create an order and its pay page, verify a notification, refund, and fetch the statements the
 * platform reconciles (daily transactions) and settles against (split payments to each property company).
 * A real provider is an adapter implementing this, named by GZ_PAY_PROVIDER (providers.ts).
 */
export interface PaymentProvider {
  readonly name: string;
  createOrder(order: CreateOrder): Promise<{ providerOrderNo: string; payUrl: string }>;
  /** Verifies the signature over the raw body and parses it; `null`: not signed by the merchant key (or malformed). */
  verifyNotification(rawBody: string, headers: Record<string, string | string[] | undefined>): Notification | null;
  refund(refund: RefundRequest): Promise<{ refundTxnId: string }>;
  /** The day's transactions of a merchant account as the provider's CSV (STATEMENT_HEADER). `day`: 'YYYY-MM-DD', Shanghai time. */
  dailyStatement(merchantId: string, day: string): Promise<string>;
  /** What the provider split to a sub-merchant (a property company) over [from, to), net of refunds. */
  settlementStatement(subMerchantId: string, from: string, to: string): Promise<{ totalFen: number; ref: string }>;
}

export interface CreateOrder {
  /** The street's merchant account at the provider. */
  merchantId: string;
  /** The split-payment receiver: the property company serving the compound. */
  subMerchantId: string | null;
  outTradeNo: string;
  amountFen: number;
  subject: string;
  notifyUrl: string;
  returnUrl: string;
}

export interface RefundRequest {
  merchantId: string;
  outTradeNo: string;
  txnId: string;
  outRefundNo: string;
  amountFen: number;
  notifyUrl: string;
}

/** A verified notification: a payment succeeded, or a refund did. `time`: when the provider says it happened. */
export type Notification =
  | { type: 'pay'; merchantId: string; outTradeNo: string; providerOrderNo: string; txnId: string; amountFen: number; time: Date }
  | { type: 'refund'; merchantId: string; outTradeNo: string; txnId: string; outRefundNo: string; refundTxnId: string; amountFen: number; time: Date };

/** The daily statement's columns, in order (one line per transaction; amounts in fen, times ISO 8601). */
export const STATEMENT_HEADER = 'txn_id,out_trade_no,type,amount_fen,time';

export interface StatementRow {
  txnId: string;
  outTradeNo: string;
  type: 'pay' | 'refund';
  amountFen: number;
  time: string;
}

/** Parses a statement CSV; `null` when a line is not a statement line (an upload of something else). */
export function parseStatement(csv: string): StatementRow[] | null {
  const lines = csv.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  if (lines[0] !== STATEMENT_HEADER) return null;
  const rows: StatementRow[] = [];
  for (const line of lines.slice(1)) {
    const [txnId, outTradeNo, type, amount, time, extra] = line.split(',');
    if (extra !== undefined || !txnId || !outTradeNo || (type !== 'pay' && type !== 'refund') || !/^\d{1,12}$/.test(amount ?? '') || !time || Number.isNaN(Date.parse(time))) return null;
    if (txnId.length > 64 || outTradeNo.length > 64) return null;
    rows.push({ txnId, outTradeNo, type, amountFen: Number(amount), time });
  }
  return rows;
}

export const statementCsv = (rows: readonly StatementRow[]) => [STATEMENT_HEADER, ...rows.map((r) => `${r.txnId},${r.outTradeNo},${r.type},${r.amountFen},${r.time}`)].join('\n') + '\n';

/** The headers a signed notification carries, like real gateways: when, a one-time value, and the signature. */
export const SIGNATURE_HEADERS = { timestamp: 'x-gz-pay-timestamp', nonce: 'x-gz-pay-nonce', signature: 'x-gz-pay-signature' } as const;
/** A notification signed longer ago than this is refused (a replay of an old capture). */
export const SIGNATURE_MAX_AGE_MS = 5 * 60_000;

/** HMAC-SHA256 with the merchant key over "timestamp\nnonce\nraw body", hex. */
export const signBody = (key: string, timestamp: string, nonce: string, body: string) => createHmac('sha256', key).update(`${timestamp}\n${nonce}\n${body}`).digest('hex');

/** Checks the signature headers against the raw body, in constant time, and the timestamp's age. */
export function signatureValid(key: string, rawBody: string, headers: Record<string, string | string[] | undefined>, now: Date): boolean {
  const one = (h: string) => (typeof headers[h] === 'string' ? (headers[h] as string) : null);
  const timestamp = one(SIGNATURE_HEADERS.timestamp);
  const nonce = one(SIGNATURE_HEADERS.nonce);
  const signature = one(SIGNATURE_HEADERS.signature);
  if (!timestamp || !nonce || !signature || !/^\d{10,13}$/.test(timestamp) || !/^[0-9a-f]{64}$/.test(signature) || nonce.length > 64) return false;
  if (Math.abs(now.getTime() - Number(timestamp) * 1000) > SIGNATURE_MAX_AGE_MS) return false;
  const expected = Buffer.from(signBody(key, timestamp, nonce, rawBody), 'hex');
  return timingSafeEqual(expected, Buffer.from(signature, 'hex'));
}
