import { chinaDay } from '../../../kernel/clock.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { maskName } from '../../../kernel/pii/pii.ts';
import { personContact } from '../../registry/index.ts';
import type { Executor } from '../volunteers.db.ts';
import { LendingErrors } from '../volunteers.lending.errors.ts';
import type { ListingStatus, LoanStatus } from '../volunteers.tables.ts';

/** The shared reads of the lending part: a lendable listing, a loan of the acting resident, and how a loan is shown. */

/** Today in China (YYYY-MM-DD): due days and reminders are China days. */
export const todayOf = (ctx: Pick<Ctx, 'kernel'>) => chinaDay(ctx.kernel.clock.now());

/** A day plus n days ('2026-11-22' + 14 → '2026-12-06'). */
export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** Whole days from one day to a later one. */
export const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** A loan is overdue from the day after its due day (the due day itself is not). */
export const isOverdue = (status: LoanStatus, dueOn: string | null, today: string) => status === 'lent' && !!dueOn && dueOn < today;

export interface LendableListing {
  streetId: string;
  id: string;
  placeId: string;
  kind: 'tool' | 'book';
  title: string;
  author: string | null;
  body: string;
  ownerPersonId: string;
  ownerName: string;
  ownerAccountId: string | null;
  loanDays: number;
  status: ListingStatus;
  hiddenAt: Date | null;
  createdAt: Date;
}

/** A tool or book listing by id (hidden ones too: the caller decides), locked when asked; LENDING_ITEM_NOT_FOUND else. */
export async function lendableListing(db: Executor, id: string, { lock = false } = {}): Promise<LendableListing> {
  const row = await db
    .selectFrom('vol_listings')
    .select([
      'street_id as streetId',
      'id',
      'place_id as placeId',
      'kind',
      'title',
      'author',
      'body',
      'owner_person_id as ownerPersonId',
      'owner_name as ownerName',
      'owner_account_id as ownerAccountId',
      'loan_days as loanDays',
      'status',
      'hidden_at as hiddenAt',
      'created_at as createdAt',
    ])
    .where('id', '=', id)
    .where('kind', 'in', ['tool', 'book'])
    .$if(lock, (s) => s.forUpdate())
    .executeTakeFirst();
  if (!row) throw LendingErrors.LENDING_ITEM_NOT_FOUND();
  return { ...row, kind: row.kind as 'tool' | 'book', loanDays: row.loanDays ?? 14 };
}

export interface LoanRow {
  streetId: string;
  id: string;
  listingId: string;
  placeId: string;
  ownerPersonId: string;
  borrowerPersonId: string;
  borrowerName: string;
  borrowerAccountId: string | null;
  note: string;
  status: LoanStatus;
  requestedAt: Date;
  decidedAt: Date | null;
  declineReason: string | null;
  lentOn: string | null;
  dueOn: string | null;
  returnedAt: Date | null;
  remindedOn: string | null;
  title: string;
  kind: 'tool' | 'book';
  ownerName: string;
  ownerAccountId: string | null;
}

/** Loans with their listing's title, kind and owner (the caller filters). */
export function loanRows(db: Executor) {
  return db
    .selectFrom('vol_loans as n')
    .innerJoin('vol_listings as l', (j) => j.onRef('l.street_id', '=', 'n.street_id').onRef('l.id', '=', 'n.listing_id'))
    .select([
      'n.street_id as streetId',
      'n.id',
      'n.listing_id as listingId',
      'n.place_id as placeId',
      'n.owner_person_id as ownerPersonId',
      'n.borrower_person_id as borrowerPersonId',
      'n.borrower_name as borrowerName',
      'n.borrower_account_id as borrowerAccountId',
      'n.note',
      'n.status',
      'n.requested_at as requestedAt',
      'n.decided_at as decidedAt',
      'n.decline_reason as declineReason',
      'n.lent_on as lentOn',
      'n.due_on as dueOn',
      'n.returned_at as returnedAt',
      'n.reminded_on as remindedOn',
      'l.title',
      'l.kind',
      'l.owner_name as ownerName',
      'l.owner_account_id as ownerAccountId',
    ]);
}

/**
 * A loan the acting resident is the owner (or the borrower) of, locked for a change; another's loan is not found
 * (404: whether it exists is not said).
 */
export async function loanOfActor(db: Executor, ctx: Ctx, id: string, side: 'owner' | 'borrower'): Promise<LoanRow> {
  const personId = ctx.actor.personId;
  if (!personId) throw LendingErrors.LOAN_NOT_FOUND();
  const row = await loanRows(db)
    .where('n.id', '=', id)
    .where(side === 'owner' ? 'n.owner_person_id' : 'n.borrower_person_id', '=', personId)
    .forUpdate('n')
    .executeTakeFirst();
  if (!row) throw LendingErrors.LOAN_NOT_FOUND();
  return row as LoanRow;
}

export interface TimelineStep {
  step: LoanStatus;
  at: string;
}

export interface LoanView {
  id: string;
  listingId: string;
  title: string;
  kind: 'tool' | 'book';
  status: LoanStatus;
  /** Whether the acting resident is this loan's owner (else its borrower). */
  asOwner: boolean;
  ownerName: string;
  borrowerName: string;
  note: string;
  requestedAt: Date;
  declineReason: string | null;
  lentOn: string | null;
  dueOn: string | null;
  returnedAt: Date | null;
  overdue: boolean;
  overdueDays: number;
  /** The other side's phone, only while the item is lent (both have agreed): to hand it over and back. */
  contactPhone: string | null;
  timeline: TimelineStep[];
}

const iso = (d: Date) => d.toISOString();

/** The steps a loan went through, in order: asked, then lent / declined / cancelled, then returned. */
export function timelineOf(r: Pick<LoanRow, 'status' | 'requestedAt' | 'decidedAt' | 'returnedAt'>): TimelineStep[] {
  const steps: TimelineStep[] = [{ step: 'requested', at: iso(r.requestedAt) }];
  if (r.decidedAt) steps.push({ step: r.status === 'returned' ? 'lent' : r.status, at: iso(r.decidedAt) });
  if (r.returnedAt) steps.push({ step: 'returned', at: iso(r.returnedAt) });
  return steps;
}

/**
 * How a loan is shown to its owner or borrower: the other side's name masked (王*), their phone only while lent (both
 * agreed), overdue from the day after the due day.
 */
export async function loanViews(db: Executor, ctx: Ctx, rows: readonly LoanRow[]): Promise<LoanView[]> {
  const me = ctx.actor.personId;
  const today = todayOf(ctx);
  const out: LoanView[] = [];
  for (const r of rows) {
    const asOwner = r.ownerPersonId === me;
    let contactPhone: string | null = null;
    if (r.status === 'lent') {
      const other = await personContact(db, asOwner ? r.borrowerPersonId : r.ownerPersonId);
      contactPhone = other?.phoneEnc ? ctx.kernel.pii.decrypt(other.phoneEnc) : (other?.phoneMasked ?? null);
    }
    const overdue = isOverdue(r.status, r.dueOn, today);
    out.push({
      id: r.id,
      listingId: r.listingId,
      title: r.title,
      kind: r.kind,
      status: r.status,
      asOwner,
      ownerName: asOwner ? r.ownerName : maskName(r.ownerName),
      borrowerName: asOwner ? maskName(r.borrowerName) : r.borrowerName,
      note: r.note,
      requestedAt: r.requestedAt,
      declineReason: r.declineReason,
      lentOn: r.lentOn,
      dueOn: r.dueOn,
      returnedAt: r.returnedAt,
      overdue,
      overdueDays: overdue ? daysBetween(r.dueOn!, today) : 0,
      contactPhone,
      timeline: timelineOf(r),
    });
  }
  return out;
}
