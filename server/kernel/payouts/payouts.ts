import { sql } from 'kysely';
import type { Executor, Tx } from '../db/index.ts';
import type { Role } from '../access/roles.ts';
import { type Actor, can, isSystem, SYSTEM_ACTOR } from '../access/actor.ts';
import { findPlace, type PlaceRow } from '../access/places.ts';
import { type Ctx, type Kernel, audit, write } from '../context.ts';
import { CommonErrors, defineErrors } from '../errors.ts';
import { sniffImageType } from '../files/files.ts';
import { assertNoActiveContent } from '../files/pdf-active-content.ts';
import { newId } from '../ids.ts';
import type { Job } from '../jobs/jobs.ts';
import { type NotificationTemplate, notify } from '../notify/notify.ts';

/**
 * Payout statements (结算单): the street pays money out in several ways that work alike — 先缴后补, the
 * service-standard subsidy, per-case pay to agency points, per-record pay for verified grid records,
 * building leaders' allowances. A module declares a payout kind in its manifest (`payouts`): who is paid,
 * how a line is computed from its own records, who reviews and who approves. The kernel does the rest:
 * statements per payee and period (a job for the period just ended, or on demand), review → approval by a
 * different account with a grant at or above the statement's place → paid with a voucher → closed;
 * corrections only as reversing lines; totals always the sum of the lines, in SQL.
 */

export const PAYOUT_STATUSES = ['draft', 'reviewed', 'approved', 'paid', 'closed'] as const;
export type PayoutStatus = (typeof PAYOUT_STATUSES)[number];
export type PayoutPeriodKind = 'month' | 'quarter';

/** A pay period in China's calendar: `start` inclusive, `end` exclusive; its first and last days. */
export interface PayoutPeriod {
  /** 'YYYY-MM' or 'YYYY-Qn'. */
  label: string;
  kind: PayoutPeriodKind;
  start: Date;
  end: Date;
  /** 'YYYY-MM-DD' of the first and the last day, for modules whose records carry dates. */
  firstDay: string;
  lastDay: string;
}

/** One line a kind computes: what is paid to whom, for which of the module's records. Money in fen. */
export interface PayoutLineInput {
  /** What kind of payee ('person', 'organisation'): with `payeeId`, who the statement is for. */
  payeeType: string;
  payeeId: string;
  payeeName: string;
  /** Where the backing record is (a building, a compound): whose grants reach the line. */
  placeId: string;
  /** The backing record in the module's own tables; paid at most once per kind. */
  sourceType: string;
  sourceId: string;
  description: string;
  quantity: number;
  unitFen: number;
  /** Must equal quantity × unitFen: a kind whose line breaks it is refused. */
  amountFen: number;
}

/** A way the street pays out, declared by a module in its manifest (`payouts`). */
export interface PayoutKind {
  /** '<module>.<name>', e.g. 'registry.building_leader_allowance'. */
  key: string;
  name: { zh: string; en: string };
  period: PayoutPeriodKind;
  /**
   * True when a backing record backs a line every period (a position held earns its allowance each
   * month): it is then paid once per period. Otherwise once ever (a case, a verified record).
   */
  perPeriod?: boolean;
  /** What kind of payee it pays, for people (楼门长 / building leader). */
  payee: { zh: string; en: string };
  /** Who reviews a statement (and may correct it before approval). */
  reviewerRoles: readonly Role[];
  /** Who approves, marks paid and closes; an approver must not have generated, reviewed or corrected it. */
  approverRoles: readonly Role[];
  /** The lines of a street's period, computed from the module's own tables (view `db` through its own `read`). */
  lines(db: Executor, at: { streetId: string; period: PayoutPeriod }): Promise<PayoutLineInput[]>;
}

export const PayoutErrors = defineErrors({
  PAYOUT_NOT_FOUND: [404, '未找到该结算单', 'Payout statement not found'],
  PAYOUT_KIND_UNKNOWN: [400, '没有这种结算类型：{kind}', 'There is no payout kind {kind}'],
  PAYOUT_PERIOD_INVALID: [400, '结算期应写作 {format}', 'The period must look like {format}'],
  PAYOUT_PERIOD_OPEN: [400, '结算期 {period} 尚未结束，结束后才能生成结算单', 'The period {period} has not ended yet; statements are made once it has'],
  PAYOUT_STREET_NOT_FOUND: [404, '未找到该街道', 'Street not found'],
  PAYOUT_WRONG_STATUS: [409, '结算单当前为「{statusZh}」，不能{actionZh}', 'The statement is {status}; it cannot be {action}'],
  PAYOUT_SELF_APPROVAL: [
    403,
    '您生成、审核或更正过这张结算单，不能再由您审批；需要另一位有权限的人员审批',
    'You generated, reviewed or corrected this statement, so you cannot approve it; another approver must',
  ],
  PAYOUT_VOUCHER_REQUIRED: [400, '请填写付款凭证号（不超过 64 个字）', 'Enter the payment voucher number (at most 64 characters)'],
  PAYOUT_VOUCHER_FILE_REQUIRED: [400, '请上传付款凭证文件（PDF、JPG 或 PNG）', 'Upload the payment voucher (PDF, JPG or PNG)'],
  PAYOUT_VOUCHER_TYPE: [400, '付款凭证只能是 PDF、JPG 或 PNG 文件', 'The voucher must be a PDF, JPG or PNG file'],
  PAYOUT_VOUCHER_MISLABELED: [400, '文件内容是 {actual}，与文件名或声明的类型不符', 'The file is {actual}, which its name or declared type does not say'],
  PAYOUT_VOUCHER_TOO_LARGE: [413, '付款凭证不能超过 {mb} MB', 'The voucher must be at most {mb} MB'],
  PAYOUT_VOUCHER_NOT_FOUND: [404, '这张结算单还没有付款凭证', 'This statement has no voucher yet'],
  PAYOUT_LINE_NOT_FOUND: [404, '这张结算单中没有这一行', 'That line is not on this statement'],
  PAYOUT_LINE_REVERSED: [409, '这一行已经冲销过，不能再次冲销', 'That line has been reversed already'],
  PAYOUT_LINE_IS_REVERSAL: [409, '冲销行本身不能冲销；如需更正，请冲销替换行', 'A reversing line cannot be reversed; reverse its replacement instead'],
  PAYOUT_NEXT_NOT_DRAFT: [
    409,
    '已付款结算单的更正计入下一期（{period}）结算单，但下一期结算单已{statusZh}，无法再加入',
    "A paid statement's correction goes on the next period's statement ({period}), which is {status} already",
  ],
  PAYOUT_AMOUNT_OUT_OF_RANGE: [400, '数量或金额超出范围', 'The quantity or amount is out of range'],
  PAYOUT_KIND_BROKEN: [500, '结算类型 {kind} 计算出的明细有误：{reason}', 'Payout kind {kind} computed a broken line: {reason}'],
});

/** Approvers hear of a statement waiting for them. */
export const PAYOUT_NOTIFICATIONS: NotificationTemplate[] = [
  {
    key: 'kernel.payout_reviewed',
    label: { zh: '结算单待审批', en: 'Payout statements to approve' },
    title: { zh: '结算单待审批：{kind}', en: 'A statement to approve: {kindEn}' },
    body: { zh: '{payee} {period} 的{kind}结算单已审核，请审批。', en: "{payee}'s {kindEn} statement for {period} was reviewed: please approve it." },
    link: '/payouts/{id}',
  },
];

// ——— kinds ———

const kinds = new Map<string, PayoutKind>();
const KEY_RE = /^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$/;

/** Registers a module's payout kind (buildServer does it for every manifest's `payouts`); the key must be '<module>.<name>'. */
export function declarePayoutKind(kind: PayoutKind): void {
  if (!KEY_RE.test(kind.key)) throw new Error(`payout kind key ${kind.key} is not '<module>.<name>'`);
  if (kind.reviewerRoles.length === 0 || kind.approverRoles.length === 0) throw new Error(`payout kind ${kind.key} needs reviewer and approver roles`);
  kinds.set(kind.key, kind);
}

export const payoutKinds = (): PayoutKind[] => [...kinds.values()];
export const payoutKind = (key: string): PayoutKind | undefined => kinds.get(key);

/** Roles that see a kind's statements: its reviewers and approvers. */
export const readerRoles = (kind: PayoutKind): Role[] => [...new Set([...kind.reviewerRoles, ...kind.approverRoles])];

// ——— periods (China keeps UTC+8 all year) ———

const CHINA_MS = 8 * 3_600_000;
const PERIOD_RE = /^(\d{4})-(?:(0[1-9]|1[0-2])|Q([1-4]))$/;
const chinaMidnight = (y: number, m0: number) => new Date(Date.UTC(y, m0, 1) - CHINA_MS);
const dayOf = (y: number, m0: number, d: number) => new Date(Date.UTC(y, m0, d)).toISOString().slice(0, 10);

function periodFrom(kind: PayoutPeriodKind, y: number, m0: number): PayoutPeriod {
  const months = kind === 'month' ? 1 : 3;
  const first = kind === 'month' ? m0 : m0 - (m0 % 3);
  const label = kind === 'month' ? `${y}-${String(first + 1).padStart(2, '0')}` : `${y}-Q${first / 3 + 1}`;
  return {
    label,
    kind,
    start: chinaMidnight(y, first),
    end: chinaMidnight(y, first + months),
    firstDay: dayOf(y, first, 1),
    lastDay: dayOf(y, first + months, 0),
  };
}

/** The period of a kind that contains the instant `at`. */
export function periodContaining(kind: PayoutPeriodKind, at: Date): PayoutPeriod {
  const china = new Date(at.getTime() + CHINA_MS);
  return periodFrom(kind, china.getUTCFullYear(), china.getUTCMonth());
}

/** The period just before the one containing `at`: what the job pays. */
export const previousPeriod = (kind: PayoutPeriodKind, at: Date): PayoutPeriod =>
  periodContaining(kind, new Date(periodContaining(kind, at).start.getTime() - 1));

/** The period after `p`: where a paid statement's correction goes. */
export const nextPeriod = (p: PayoutPeriod): PayoutPeriod => periodContaining(p.kind, p.end);

/** A period label of the kind's length ('2026-10' for a month, '2026-Q3' for a quarter), or null. */
export function parsePeriod(kind: PayoutPeriodKind, label: string): PayoutPeriod | null {
  const m = PERIOD_RE.exec(label);
  if (!m) return null;
  if (kind === 'month' ? !m[2] : !m[3]) return null;
  const y = Number(m[1]);
  return periodFrom(kind, y, kind === 'month' ? Number(m[2]) - 1 : (Number(m[3]) - 1) * 3);
}

const periodFormat = (kind: PayoutPeriodKind) => (kind === 'month' ? 'YYYY-MM' : 'YYYY-Qn');

// ——— loading and access ———

export type StatementRow = Awaited<ReturnType<typeof selectStatement>> & {};

function selectStatement(db: Executor, id: string, forUpdate: boolean) {
  const q = db.selectFrom('payout_statements').selectAll().where('id', '=', id);
  return (forUpdate ? q.forUpdate() : q).executeTakeFirst();
}

export interface LoadedStatement {
  row: NonNullable<StatementRow>;
  kind: PayoutKind;
  place: PlaceRow;
}

/** A statement the actor may see (its kind's reviewers and approvers at or above its place); else 404. */
export async function loadVisibleStatement(db: Executor, actor: Actor, id: string, forUpdate = false): Promise<LoadedStatement> {
  const row = await selectStatement(db, id, forUpdate);
  const kind = row && payoutKind(row.kind);
  const place = row && (await findPlace(db, row.place_id));
  if (!row || !kind || !place || !can(actor, readerRoles(kind), place.path)) throw PayoutErrors.PAYOUT_NOT_FOUND();
  return { row, kind, place };
}

/** The sum of a statement's lines: the one total there is (nothing stored that could drift from it). */
export async function statementTotal(db: Executor, streetId: string, id: string): Promise<number> {
  const r = await db
    .selectFrom('payout_lines')
    .select(sql<number>`coalesce(sum(amount_fen), 0)::int8`.as('total'))
    .where('street_id', '=', streetId)
    .where('statement_id', '=', id)
    .executeTakeFirstOrThrow();
  return r.total;
}

/** True when the account made anything of the statement: generated it on demand, reviewed it, or added a line. */
export async function touchedBy(db: Executor, row: NonNullable<StatementRow>, accountId: string): Promise<boolean> {
  if (row.generated_by === accountId || row.reviewed_by === accountId) return true;
  const line = await db
    .selectFrom('payout_lines')
    .select('id')
    .where('street_id', '=', row.street_id)
    .where('statement_id', '=', row.id)
    .where('created_by', '=', accountId)
    .limit(1)
    .executeTakeFirst();
  return !!line;
}

// ——— transitions ———

/** The account to record as having done something: none for the system (a job, the demo seed). */
const accountOf = (actor: Actor): string | null => (isSystem(actor) ? null : actor.accountId);

export type PayoutAction = 'review' | 'approve' | 'pay' | 'close' | 'correct';
const FROM: Record<Exclude<PayoutAction, 'correct'>, PayoutStatus> = { review: 'draft', approve: 'reviewed', pay: 'approved', close: 'paid' };
const TO: Record<Exclude<PayoutAction, 'correct'>, PayoutStatus> = { review: 'reviewed', approve: 'approved', pay: 'paid', close: 'closed' };

export const STATUS_LABEL: Record<PayoutStatus, { zh: string; en: string }> = {
  draft: { zh: '待审核', en: 'a draft' },
  reviewed: { zh: '已审核', en: 'reviewed' },
  approved: { zh: '已审批', en: 'approved' },
  paid: { zh: '已付款', en: 'paid' },
  closed: { zh: '已关闭', en: 'closed' },
};
const ACTION_LABEL: Record<PayoutAction, { zh: string; en: string }> = {
  review: { zh: '审核', en: 'reviewed' },
  approve: { zh: '审批', en: 'approved' },
  pay: { zh: '登记付款', en: 'marked paid' },
  close: { zh: '关闭', en: 'closed' },
  correct: { zh: '更正', en: 'corrected' },
};

const wrongStatus = (action: PayoutAction, status: PayoutStatus) =>
  PayoutErrors.PAYOUT_WRONG_STATUS(
    { status: STATUS_LABEL[status].en, action: ACTION_LABEL[action].en, statusZh: STATUS_LABEL[status].zh, actionZh: ACTION_LABEL[action].zh },
    { status, action },
  );

/** The roles that may take an action on a statement of the kind (besides the status and the four-eyes rule). */
export const rolesFor = (kind: PayoutKind, action: PayoutAction): readonly Role[] =>
  action === 'review' ? kind.reviewerRoles : action === 'correct' ? readerRoles(kind) : kind.approverRoles;

/** What the actor can do to the statement now: the buttons the web shows (the self-approval rule included). */
export async function availableActions(db: Executor, actor: Actor, s: LoadedStatement): Promise<PayoutAction[]> {
  const out: PayoutAction[] = [];
  for (const action of ['review', 'approve', 'pay', 'close'] as const) {
    if (s.row.status !== FROM[action] || !can(actor, rolesFor(s.kind, action), s.place.path)) continue;
    if (action === 'approve' && (await touchedBy(db, s.row, actor.accountId))) continue;
    out.push(action);
  }
  if (can(actor, rolesFor(s.kind, 'correct'), s.place.path)) out.push('correct');
  return out;
}

/** Checks the actor may take `action` on the statement now: 403 (role), 409 (status), 403 (approving what one touched). */
async function checkAction(db: Executor, actor: Actor, s: LoadedStatement, action: Exclude<PayoutAction, 'correct'>) {
  if (!can(actor, rolesFor(s.kind, action), s.place.path)) throw CommonErrors.FORBIDDEN();
  if (s.row.status !== FROM[action]) throw wrongStatus(action, s.row.status);
  if (action === 'approve' && (await touchedBy(db, s.row, actor.accountId))) throw PayoutErrors.PAYOUT_SELF_APPROVAL();
}

/** The audit entry of a statement's change: its timeline is these entries. */
async function recordStatement(tx: Tx, ctx: Ctx, row: NonNullable<StatementRow>, action: string, detail: Record<string, unknown>, before?: unknown) {
  const after = await selectStatement(tx, row.id, false);
  await audit(tx, ctx, {
    action: `payouts.statement.${action}`,
    placeId: row.place_id,
    subjectType: 'payout_statement',
    subjectId: row.id,
    before,
    after,
    detail: { kind: row.kind, period: row.period, payee: row.payee_name, totalFen: await statementTotal(tx, row.street_id, row.id), ...detail },
  });
}

async function transition(ctx: Ctx, id: string, action: 'review' | 'approve' | 'close', note?: string) {
  return write(ctx, async (tx) => {
    const s = await loadVisibleStatement(tx, ctx.actor, id, true);
    await checkAction(tx, ctx.actor, s, action);
    const now = ctx.kernel.clock.now();
    const by = accountOf(ctx.actor);
    const set =
      action === 'review'
        ? { reviewed_by: by, reviewed_at: now }
        : action === 'approve'
          ? { approved_by: by, approved_at: now }
          : { closed_by: by, closed_at: now };
    await tx.updateTable('payout_statements').set({ status: TO[action], ...set }).where('street_id', '=', s.row.street_id).where('id', '=', id).execute();
    await recordStatement(tx, ctx, s.row, TO[action], { from: s.row.status, to: TO[action], ...(note ? { note } : {}) }, s.row);
    // A reviewed statement waits for an approver: they hear of it.
    if (action === 'review') {
      await notify(tx, ctx, {
        template: 'kernel.payout_reviewed',
        placeId: s.row.place_id,
        to: { roles: s.kind.approverRoles },
        data: { kind: s.kind.name.zh, kindEn: s.kind.name.en, payee: s.row.payee_name, period: s.row.period, id },
        subject: { type: 'payout_statement', id },
      });
    }
    return { id, status: TO[action] };
  });
}

/** 审核: a reviewer of the kind, at or above the statement's place, checks a draft. */
export const reviewStatement = (ctx: Ctx, id: string, note?: string) => transition(ctx, id, 'review', note);
/**
 * 审批: an approver of the kind with a grant at or above the place, who neither generated, reviewed nor
 * corrected it (the same four-eyes rule as kernel/approvals: `can(actor, roles, place.path)`, another account).
 */
export const approveStatement = (ctx: Ctx, id: string, note?: string) => transition(ctx, id, 'approve', note);
/** 关闭: a paid statement is filed away; nothing changes it afterwards. */
export const closeStatement = (ctx: Ctx, id: string, note?: string) => transition(ctx, id, 'close', note);

// ——— paid, with a voucher ———

export const VOUCHER_MAX_BYTES = 10 * 1024 * 1024;
export type VoucherType = 'application/pdf' | 'image/jpeg' | 'image/png';
const VOUCHER_EXTENSIONS: Record<VoucherType, string[]> = { 'application/pdf': ['pdf'], 'image/jpeg': ['jpg', 'jpeg'], 'image/png': ['png'] };
const UNDECLARED = new Set(['', 'application/octet-stream', 'binary/octet-stream']);

export interface VoucherUpload {
  filename: string;
  mimetype: string;
  content: Buffer;
}

/** The voucher's type by its first bytes (PDF, JPEG, PNG); a declared type or extension that disagrees is refused. */
export function checkVoucher(upload: VoucherUpload | undefined): { name: string; mime: VoucherType } {
  if (!upload || upload.content.length === 0) throw PayoutErrors.PAYOUT_VOUCHER_FILE_REQUIRED();
  if (upload.content.length > VOUCHER_MAX_BYTES) throw PayoutErrors.PAYOUT_VOUCHER_TOO_LARGE({ mb: VOUCHER_MAX_BYTES / 1024 / 1024 });
  const image = sniffImageType(upload.content);
  const actual: VoucherType | null =
    image === 'image/jpeg' || image === 'image/png' ? image : upload.content.toString('latin1', 0, 5) === '%PDF-' ? 'application/pdf' : null;
  if (!actual) throw PayoutErrors.PAYOUT_VOUCHER_TYPE();
  const declared = upload.mimetype.toLowerCase().split(';')[0]!.trim().replace('image/jpg', 'image/jpeg');
  if (!UNDECLARED.has(declared) && declared !== actual) throw PayoutErrors.PAYOUT_VOUCHER_MISLABELED({ actual }, { declared, actual });
  let name = (upload.filename.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 180);
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  if (ext && !VOUCHER_EXTENSIONS[actual].includes(ext)) throw PayoutErrors.PAYOUT_VOUCHER_MISLABELED({ actual }, { extension: ext, actual });
  if (!ext) name = `${name || 'voucher'}.${VOUCHER_EXTENSIONS[actual][0]}`;
  if (actual === 'application/pdf') assertNoActiveContent(upload.content);
  return { name, mime: actual };
}

/** A voucher number: printable text, 1–64 characters once trimmed. */
export function checkVoucherNo(value: unknown): string {
  const v = typeof value === 'string' ? value.trim() : '';
  if (!v || v.length > 64 || /[\u0000-\u001f\u007f]/.test(v)) throw PayoutErrors.PAYOUT_VOUCHER_REQUIRED();
  return v;
}

/**
 * 登记付款: an approver records the payment with its voucher number and the voucher itself. Who may,
 * and the status, are checked before the upload is read; the file's content before anything is stored;
 * again under the lock in the transaction.
 */
export async function payStatement(ctx: Ctx, id: string, readInput: () => Promise<{ voucherNo: unknown; upload: VoucherUpload | undefined }>) {
  await checkAction(ctx.kernel.db, ctx.actor, await loadVisibleStatement(ctx.kernel.db, ctx.actor, id), 'pay');
  const input = await readInput();
  const voucherNo = checkVoucherNo(input.voucherNo);
  const { name, mime } = checkVoucher(input.upload);
  const key = await ctx.kernel.files.put(input.upload!.content);
  return write(ctx, async (tx) => {
    const s = await loadVisibleStatement(tx, ctx.actor, id, true);
    await checkAction(tx, ctx.actor, s, 'pay');
    await tx
      .updateTable('payout_statements')
      .set({
        status: 'paid',
        paid_by: accountOf(ctx.actor),
        paid_at: ctx.kernel.clock.now(),
        voucher_no: voucherNo,
        voucher_file_key: key,
        voucher_file_name: name,
        voucher_mime: mime,
      })
      .where('street_id', '=', s.row.street_id)
      .where('id', '=', id)
      .execute();
    await recordStatement(tx, ctx, s.row, 'paid', { from: s.row.status, to: 'paid', voucherNo, voucherMime: mime, voucherSize: input.upload!.content.length, fileKey: key }, s.row);
    return { id, status: 'paid' as const, voucherNo };
  });
}

/** The voucher file, for anyone who may see the statement. */
export async function getVoucher(ctx: Ctx, id: string) {
  const s = await loadVisibleStatement(ctx.kernel.db, ctx.actor, id);
  const content = s.row.voucher_file_key ? await ctx.kernel.files.get(s.row.voucher_file_key) : null;
  if (!content) throw PayoutErrors.PAYOUT_VOUCHER_NOT_FOUND();
  return { name: s.row.voucher_file_name ?? 'voucher', mime: s.row.voucher_mime ?? 'application/octet-stream', content };
}

// ——— corrections ———

export interface CorrectionInput {
  lineId: string;
  reason: string;
  /** A line that replaces the reversed one (same backing record): new quantity, unit and description. */
  replacement?: { quantity: number; unitFen: number; description?: string };
}

const MAX_FEN = 1_000_000_000_00; // a billion yuan: far beyond any payout, far below 2^53

/**
 * 更正: the lines are never edited or deleted. A correction adds a line reversing the original (its
 * negative, naming it, with the reason) and optionally a replacement for the same backing record.
 * - On a draft or reviewed statement it stays as it is; on an approved one it goes back to reviewed and
 *   must be approved again (by someone who has not touched it — the corrector never can).
 * - A paid or closed statement is never changed: the correction goes on the payee's statement of the next
 *   period of the same kind (made as a draft if there is none yet), refused if that one is past draft.
 * The backing record's claim follows: the replacement pays it now, or nothing does (it is not generated again).
 */
export async function correctLine(ctx: Ctx, id: string, input: CorrectionInput) {
  const reason = input.reason.trim();
  if (!reason || reason.length > 500) throw CommonErrors.VALIDATION_FAILED();
  const r = input.replacement;
  if (r && (!Number.isSafeInteger(r.quantity) || !Number.isSafeInteger(r.unitFen) || r.quantity < 0 || r.unitFen < 0 || r.quantity * r.unitFen > MAX_FEN)) {
    throw PayoutErrors.PAYOUT_AMOUNT_OUT_OF_RANGE();
  }
  return write(ctx, async (tx) => {
    const s = await loadVisibleStatement(tx, ctx.actor, id, true);
    if (!can(ctx.actor, rolesFor(s.kind, 'correct'), s.place.path)) throw CommonErrors.FORBIDDEN();
    const line = await tx
      .selectFrom('payout_lines')
      .selectAll()
      .where('street_id', '=', s.row.street_id)
      .where('statement_id', '=', id)
      .where('id', '=', input.lineId)
      .executeTakeFirst();
    if (!line) throw PayoutErrors.PAYOUT_LINE_NOT_FOUND();
    if (line.reverses_line_id) throw PayoutErrors.PAYOUT_LINE_IS_REVERSAL();
    const reversed = await tx.selectFrom('payout_lines').select('id').where('street_id', '=', line.street_id).where('reverses_line_id', '=', line.id).executeTakeFirst();
    if (reversed) throw PayoutErrors.PAYOUT_LINE_REVERSED();

    const now = ctx.kernel.clock.now();
    const settled = s.row.status === 'paid' || s.row.status === 'closed';
    const target = settled ? await nextStatementFor(tx, ctx, s, now) : s.row;
    const reversalId = newId();
    const base = { street_id: line.street_id, statement_id: target.id, source_type: line.source_type, source_id: line.source_id, place_id: line.place_id, created_at: now, created_by: accountOf(ctx.actor) };
    await tx
      .insertInto('payout_lines')
      .values({ ...base, id: reversalId, description: line.description, quantity: -line.quantity, unit_fen: line.unit_fen, amount_fen: -line.amount_fen, reverses_line_id: line.id, reason })
      .execute();
    const replacementId = r ? newId() : null;
    if (r) {
      await tx
        .insertInto('payout_lines')
        .values({ ...base, id: replacementId!, description: r.description?.trim() || line.description, quantity: r.quantity, unit_fen: r.unitFen, amount_fen: r.quantity * r.unitFen, reverses_line_id: null, reason })
        .execute();
    }
    await tx.updateTable('payout_sources').set({ line_id: replacementId }).where('street_id', '=', line.street_id).where('line_id', '=', line.id).execute();
    const backToReviewed = target.status === 'approved';
    if (backToReviewed) {
      await tx
        .updateTable('payout_statements')
        .set({ status: 'reviewed', approved_by: null, approved_at: null })
        .where('street_id', '=', target.street_id)
        .where('id', '=', target.id)
        .execute();
    }
    const detail = {
      lineId: line.id,
      reversalId,
      replacementId,
      reason,
      changeFen: -line.amount_fen + (r ? r.quantity * r.unitFen : 0),
      from: target.status,
      to: backToReviewed ? 'reviewed' : target.status,
    };
    await recordStatement(tx, ctx, target, 'corrected', settled ? { ...detail, correctsStatementId: s.row.id, correctsPeriod: s.row.period } : detail, target);
    if (settled) await recordStatement(tx, ctx, s.row, 'corrected_later', { lineId: line.id, reason, inStatementId: target.id, inPeriod: target.period });
    return { statementId: target.id, period: target.period, status: detail.to as PayoutStatus, reversalId, replacementId };
  });
}

/** The payee's statement of the next period for a correction of a settled one: made as a draft if missing. */
async function nextStatementFor(tx: Tx, ctx: Ctx, s: LoadedStatement, now: Date): Promise<NonNullable<StatementRow>> {
  const next = nextPeriod(parsePeriod(s.kind.period, s.row.period)!);
  const key = { street_id: s.row.street_id, kind: s.row.kind, payee_type: s.row.payee_type, payee_id: s.row.payee_id, period: next.label };
  const found = await tx.selectFrom('payout_statements').selectAll().where((eb) => eb.and(key)).forUpdate().executeTakeFirst();
  if (found) {
    if (found.status !== 'draft') {
      const st = found.status as PayoutStatus;
      throw PayoutErrors.PAYOUT_NEXT_NOT_DRAFT({ period: next.label, statusZh: STATUS_LABEL[st].zh, status: STATUS_LABEL[st].en }, { period: next.label, status: st });
    }
    return found;
  }
  const id = newId();
  await tx
    .insertInto('payout_statements')
    .values({ ...key, id, payee_name: s.row.payee_name, place_id: s.row.place_id, generated_at: now, generated_by: accountOf(ctx.actor) })
    .execute();
  const row = (await selectStatement(tx, id, false))!;
  await recordStatement(tx, ctx, row, 'generated', { lines: 0, created: true, forCorrectionOf: s.row.id });
  return row;
}

// ——— generation ———

export interface GenerateResult {
  kind: string;
  period: string;
  streetId: string;
  /** Statements made, statements that got new lines, lines added, lines left out (their statement is past draft). */
  created: number;
  extended: number;
  lines: number;
  skipped: number;
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Refuses a line a kind computed wrongly: the kind is broken, nothing is written (a 500 with its reason). */
function checkLine(kind: PayoutKind, l: PayoutLineInput, streetPlaces: Map<string, string>): void {
  const broken = (reason: string) => PayoutErrors.PAYOUT_KIND_BROKEN({ kind: kind.key, reason }, { kind: kind.key, sourceId: l.sourceId, reason });
  for (const n of ['quantity', 'unitFen', 'amountFen'] as const) {
    if (!Number.isSafeInteger(l[n]) || Math.abs(l[n]) > MAX_FEN) throw broken(`${n} ${l[n]} is not an integer in range`);
  }
  if (l.amountFen !== l.quantity * l.unitFen) throw broken(`amountFen ${l.amountFen} ≠ quantity ${l.quantity} × unitFen ${l.unitFen}`);
  if (!UUID_RE.test(l.payeeId) || !UUID_RE.test(l.sourceId)) throw broken('payeeId and sourceId must be ids');
  for (const t of ['payeeType', 'payeeName', 'sourceType', 'description'] as const) if (!l[t]?.trim()) throw broken(`${t} is empty`);
  if (!streetPlaces.has(l.placeId)) throw broken(`place ${l.placeId} is not in the street`);
}

/** The id of the deepest place whose subtree holds all the given paths ('/a/b/c/' …). */
function commonPlace(paths: string[]): string {
  const split = paths.map((p) => p.split('/').filter(Boolean));
  const out: string[] = [];
  for (let i = 0; split.every((s) => i < s.length && s[i] === split[0]![i]); i++) out.push(split[0]![i]!);
  return out[out.length - 1]!;
}

/**
 * Makes a street's statements of one kind and period: asks the kind for its lines, leaves out backing
 * records already claimed (by any statement of the kind — of this period, for a `perPeriod` kind), groups the rest per payee, and adds
 * them to the payee's statement — made if missing; a statement past draft takes no new lines (counted as
 * skipped). Running it again adds nothing; a still-draft statement gains lines for new records only.
 * One transaction under a lock per street and kind, so concurrent runs never pay a record twice.
 * On demand: the kind's reviewers and approvers with a grant covering the street, for an ended period.
 */
export async function generatePayouts(
  ctx: Ctx,
  input: { kind: string; streetId: string; period: string },
  opts: { auditEmpty?: boolean } = {},
): Promise<GenerateResult> {
  const kind = payoutKind(input.kind);
  if (!kind) throw PayoutErrors.PAYOUT_KIND_UNKNOWN({ kind: String(input.kind).slice(0, 60) });
  const period = parsePeriod(kind.period, input.period);
  if (!period) throw PayoutErrors.PAYOUT_PERIOD_INVALID({ format: periodFormat(kind.period) });
  const street = UUID_RE.test(input.streetId) ? await findPlace(ctx.kernel.db, input.streetId) : undefined;
  if (!street || street.kind !== 'street') throw PayoutErrors.PAYOUT_STREET_NOT_FOUND();
  if (!can(ctx.actor, readerRoles(kind), street.path)) throw CommonErrors.FORBIDDEN();
  if (period.end.getTime() > ctx.kernel.clock.now().getTime()) throw PayoutErrors.PAYOUT_PERIOD_OPEN({ period: period.label });
  const result: GenerateResult = { kind: kind.key, period: period.label, streetId: street.id, created: 0, extended: 0, lines: 0, skipped: 0 };
  const run = async (tx: Tx) => {
    await sql`select pg_advisory_xact_lock(hashtextextended(${`payouts:${street.id}:${kind.key}`}, 0))`.execute(tx);
    const inputs = await kind.lines(tx, { streetId: street.id, period });
    const placeIds = [...new Set(inputs.map((l) => l.placeId).filter((p) => UUID_RE.test(p)))];
    const paths = new Map<string, string>();
    if (placeIds.length) {
      const rows = await tx.selectFrom('street_places').select(['id', 'path']).where('street_id', '=', street.id).where('id', '=', sql<string>`any(${placeIds}::uuid[])`).execute();
      for (const p of rows) paths.set(p.id, p.path);
    }
    const seen = new Set<string>();
    for (const l of inputs) {
      checkLine(kind, l, paths);
      const key = `${l.sourceType}\u0000${l.sourceId}`;
      if (seen.has(key)) throw PayoutErrors.PAYOUT_KIND_BROKEN({ kind: kind.key, reason: `source ${l.sourceType} ${l.sourceId} twice` });
      seen.add(key);
    }
    const claimPeriod = kind.perPeriod ? period.label : 'once';
    const claimed = new Set<string>();
    const sourceIds = [...new Set(inputs.map((l) => l.sourceId))];
    if (sourceIds.length) {
      const rows = await tx
        .selectFrom('payout_sources')
        .select(['source_type', 'source_id'])
        .where('street_id', '=', street.id)
        .where('kind', '=', kind.key)
        .where('claim_period', '=', claimPeriod)
        .where('source_id', '=', sql<string>`any(${sourceIds}::uuid[])`)
        .execute();
      for (const r of rows) claimed.add(`${r.source_type}\u0000${r.source_id}`);
    }
    const byPayee = new Map<string, PayoutLineInput[]>();
    for (const l of inputs) {
      if (claimed.has(`${l.sourceType}\u0000${l.sourceId}`)) continue;
      const k = `${l.payeeType}\u0000${l.payeeId}`;
      byPayee.set(k, [...(byPayee.get(k) ?? []), l]);
    }
    const now = ctx.kernel.clock.now();
    const by = accountOf(ctx.actor);
    for (const lines of byPayee.values()) {
      const first = lines[0]!;
      const key = { street_id: street.id, kind: kind.key, payee_type: first.payeeType, payee_id: first.payeeId, period: period.label };
      let st = await tx.selectFrom('payout_statements').selectAll().where((eb) => eb.and(key)).forUpdate().executeTakeFirst();
      if (st && st.status !== 'draft') {
        result.skipped += lines.length;
        continue;
      }
      const linePaths = lines.map((l) => paths.get(l.placeId)!);
      const before = st;
      if (!st) {
        const id = newId();
        await tx.insertInto('payout_statements').values({ ...key, id, payee_name: first.payeeName, place_id: commonPlace(linePaths), generated_at: now, generated_by: by }).execute();
        st = (await selectStatement(tx, id, false))!;
        result.created++;
      } else {
        const place = await findPlace(tx, st.place_id);
        const widened = commonPlace([place!.path, ...linePaths]);
        if (widened !== st.place_id) await tx.updateTable('payout_statements').set({ place_id: widened }).where('street_id', '=', street.id).where('id', '=', st.id).execute();
        result.extended++;
      }
      const rows = lines.map((l) => ({
        street_id: street.id,
        id: newId(),
        statement_id: st!.id,
        source_type: l.sourceType,
        source_id: l.sourceId,
        place_id: l.placeId,
        description: l.description.trim(),
        quantity: l.quantity,
        unit_fen: l.unitFen,
        amount_fen: l.amountFen,
        created_at: now,
        created_by: by,
      }));
      await tx.insertInto('payout_lines').values(rows).execute();
      await tx
        .insertInto('payout_sources')
        .values(rows.map((r) => ({ street_id: street.id, kind: kind.key, source_type: r.source_type, source_id: r.source_id, claim_period: claimPeriod, line_id: r.id })))
        .execute();
      result.lines += rows.length;
      await recordStatement(tx, ctx, st, 'generated', { lines: rows.length, amountFen: rows.reduce((a, r) => a + r.amount_fen, 0), created: !before }, before);
    }
    if (opts.auditEmpty !== false || result.lines > 0) {
      await audit(tx, ctx, { action: 'payouts.generated', placeId: street.id, subjectType: 'payout_kind', subjectId: kind.key, detail: { ...result } });
    }
    return result;
  };
  return write(ctx, run);
}

/**
 * The job: every hour, each kind's statements of the period just ended, for every street, as the system.
 * Idempotent (generatePayouts adds only records not yet claimed); a street whose run fails does not stop
 * the others.
 */
export async function generateEndedPeriods(kernel: Kernel, log: (msg: string, err?: unknown) => void = () => {}) {
  const ctx: Ctx = { kernel, actor: SYSTEM_ACTOR };
  const streets = await kernel.db.selectFrom('street_places').select('id').where('kind', '=', 'street').orderBy('id').execute();
  const results: GenerateResult[] = [];
  for (const kind of payoutKinds()) {
    const period = previousPeriod(kind.period, kernel.clock.now());
    for (const s of streets) {
      try {
        results.push(await generatePayouts(ctx, { kind: kind.key, streetId: s.id, period: period.label }, { auditEmpty: false }));
      } catch (err) {
        log(`payouts: ${kind.key} for street ${s.id} failed`, err);
      }
    }
  }
  return results;
}

export const payoutsJob: Job = { name: 'kernel.payouts.generate', everyMs: 3_600_000, run: (kernel) => generateEndedPeriods(kernel) };
