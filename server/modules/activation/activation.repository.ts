import { randomInt } from 'node:crypto';
import type { Expression, SqlBool } from 'kysely';
import { pathLabel } from '../../kernel/access/index.ts';
import type { Executor } from './activation.db.ts';
import { newId } from '../../kernel/ids.ts';
import { offsetOf, type Page, type PageQuery, paginate, type SortedBy } from '../../kernel/pagination.ts';
import { ClaimsSort } from './activation.schemas.ts';
import { CLAIM_LIMIT, CODE_ALPHABET, CODE_LENGTH, ROOM_CLAIM_LIMIT } from './activation.constants.ts';
import type { ActClaimsTable, ClaimMethod, ClaimReason, ClaimStatus, OtpPurpose } from './activation.tables.ts';
import { containing } from '../../kernel/db/like.ts';

/** SQL for the activation module's own tables (and reads of the kernel's places and accounts). */

// ——— one-time codes ———

/** Codes of one purpose sent to a phone since `since`: how many, and when the latest went out. */
export async function otpSendStats(db: Executor, phoneHash: string, purpose: OtpPurpose, since: Date) {
  const row = await db
    .selectFrom('act_otps')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('created_at').as('last')])
    .where('phone_hash', '=', phoneHash)
    .where('purpose', '=', purpose)
    .where('created_at', '>', since)
    .executeTakeFirstOrThrow();
  return { count: Number(row.n), last: row.last ? new Date(row.last as Date) : null };
}

/** The newest code of one purpose for a phone that has not been used or replaced. */
export const latestOpenOtp = (db: Executor, phoneHash: string, purpose: OtpPurpose) =>
  db
    .selectFrom('act_otps')
    .selectAll()
    .where('phone_hash', '=', phoneHash)
    .where('purpose', '=', purpose)
    .where('consumed_at', 'is', null)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();

// ——— claims ———

/** Unsuccessful claims by an account within the window, and the oldest of them (when the limit lifts). */
export async function recentFailures(db: Executor, accountId: string, now: Date) {
  const row = await db
    .selectFrom('act_claim_attempts')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('at').as('first')])
    .where('account_id', '=', accountId)
    .where('outcome', '<>', 'activated')
    .where('at', '>', new Date(now.getTime() - CLAIM_LIMIT.windowMs))
    .executeTakeFirstOrThrow();
  return { count: Number(row.n), first: row.first ? new Date(row.first as Date) : null };
}

/** Unsuccessful claims on one room from any account within the room limit's window. */
export async function recentRoomFailures(db: Executor, placeId: string, now: Date): Promise<number> {
  const row = await db
    .selectFrom('act_claim_attempts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('place_id', '=', placeId)
    .where('outcome', '=', 'failed')
    .where('at', '>', new Date(now.getTime() - ROOM_CLAIM_LIMIT.windowMs))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function recordAttempt(db: Executor, input: { accountId: string; placeId: string | null; at: Date; outcome: 'activated' | 'pending' | 'failed' }) {
  await db.insertInto('act_claim_attempts').values({ id: newId(), account_id: input.accountId, place_id: input.placeId, at: input.at, outcome: input.outcome }).execute();
}

export async function insertClaim(
  db: Executor,
  input: {
    accountId: string;
    placeId: string;
    method: ClaimMethod;
    name: string;
    idLast4: string;
    streetId: string;
    status: ClaimStatus;
    reason: ClaimReason | null;
    candidatePersonId: string | null;
    linkedPersonId: string | null;
    at: Date;
  },
): Promise<string> {
  const id = newId();
  await db
    .insertInto('act_claims')
    .values({
      street_id: input.streetId,
      id,
      account_id: input.accountId,
      place_id: input.placeId,
      method: input.method,
      claimed_name: input.name,
      id_last4: input.idLast4,
      status: input.status,
      reason: input.reason,
      candidate_person_id: input.candidatePersonId,
      linked_person_id: input.linkedPersonId,
      created_at: input.at,
    })
    .execute();
  return id;
}

/** Marks an account's open claims (for one room, or all) as superseded; answers their ids. */
export async function supersedePending(db: Executor, accountId: string, placeId?: string): Promise<string[]> {
  const rows = await db
    .updateTable('act_claims')
    .set({ status: 'superseded' })
    .where('account_id', '=', accountId)
    .where('status', '=', 'pending')
    .$if(!!placeId, (qb) => qb.where('place_id', '=', placeId!))
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

export const findClaim = (db: Executor, id: string) =>
  db
    .selectFrom('act_claims as c')
    .innerJoin('places as room', 'room.id', 'c.place_id')
    .selectAll('c')
    .select(['room.path as room_path', pathLabel('room.path', ['compound', 'building', 'unit', 'room']).as('room_label')])
    .where('c.id', '=', id)
    .executeTakeFirst();
export type ClaimRow = NonNullable<Awaited<ReturnType<typeof findClaim>>>;

export async function decideClaim(
  db: Executor,
  id: string,
  input: { status: 'approved' | 'rejected'; by: string; at: Date; note: string | null; linkedPersonId: string | null },
): Promise<boolean> {
  const res = await db
    .updateTable('act_claims')
    .set({ status: input.status, decided_by: input.by, decided_at: input.at, decision_note: input.note, linked_person_id: input.linkedPersonId })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

const claimColumns = [
  'c.id',
  'c.place_id as roomId',
  'c.method',
  'c.claimed_name as claimedName',
  'c.id_last4 as idLast4',
  'c.status',
  'c.reason',
  'c.candidate_person_id as candidatePersonId',
  'c.linked_person_id as linkedPersonId',
  'c.created_at as createdAt',
  'c.decided_at as decidedAt',
  'c.decision_note as decisionNote',
] as const;

/** The review queue: claims in the actor's scope, newest first unless sorted otherwise, with the claimant's masked phone. */
export async function listClaims(
  db: Executor,
  q: PageQuery & SortedBy<typeof ClaimsSort> & { status?: ClaimStatus; underPath?: string },
  filter: Expression<SqlBool>,
): Promise<Page<ClaimListRow>> {
  const base = db
    .selectFrom('act_claims as c')
    .innerJoin('places as room', 'room.id', 'c.place_id')
    .innerJoin('accounts as a', 'a.id', 'c.account_id')
    .where(filter)
    .where('c.status', '<>', 'superseded')
    .$if(!!q.status, (qb) => qb.where('c.status', '=', q.status!))
    .$if(!!q.underPath, (qb) => qb.where('room.path', 'like', `${q.underPath}%`));
  return paginate(
    q,
    ClaimsSort.orderBy(base.leftJoin('accounts as d', 'd.id', 'c.decided_by'), q)
      .select([...claimColumns, 'a.phone_masked as phone', 'a.display_name as accountName', 'd.display_name as decidedBy'])
      .select(pathLabel('room.path', ['compound', 'building', 'unit', 'room']).as('roomLabel'))
      .limit(q.pageSize)
      .offset(offsetOf(q))
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  );
}
export interface ClaimListRow {
  id: string;
  roomId: string;
  method: ActClaimsTable['method'];
  claimedName: string;
  idLast4: string | null;
  status: ClaimStatus;
  reason: ClaimReason | null;
  candidatePersonId: string | null;
  linkedPersonId: string | null;
  createdAt: Date;
  decidedAt: Date | null;
  decisionNote: string | null;
  phone: string | null;
  accountName: string;
  decidedBy: string | null;
  roomLabel: string;
}

/** An account's own claims, newest first (superseded attempts left out). */
export const claimsOfAccount = (db: Executor, accountId: string) =>
  db
    .selectFrom('act_claims as c')
    .innerJoin('places as room', 'room.id', 'c.place_id')
    .select(['c.id', 'c.method', 'c.status', 'c.created_at as createdAt', 'c.decided_at as decidedAt', 'c.decision_note as decisionNote'])
    .select(pathLabel('room.path', ['compound', 'building', 'unit', 'room']).as('roomLabel'))
    .where('c.account_id', '=', accountId)
    .where('c.status', '<>', 'superseded')
    .orderBy('c.created_at', 'desc')
    .limit(20)
    .execute();

// ——— household codes ———

/** A random code from the look-alike-free alphabet: 30^8 ≈ 6.6 × 10^11 possibilities. */
export const randomCode = () => Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');

export const roomOfCode = (db: Executor, code: string) =>
  db.selectFrom('act_household_codes').select('place_id').where('code', '=', code).executeTakeFirst();

/** Codes of the given rooms. */
export async function codesOf(db: Executor, roomIds: string[]): Promise<Map<string, string>> {
  if (roomIds.length === 0) return new Map();
  const rows = await db.selectFrom('act_household_codes').select(['place_id', 'code']).where('place_id', 'in', roomIds).execute();
  return new Map(rows.map((r) => [r.place_id, r.code]));
}

/** Gives every room that has no code a fresh one; answers how many were issued. */
export async function issueMissingCodes(db: Executor, roomIds: string[], by: string, at: Date): Promise<number> {
  const have = await codesOf(db, roomIds);
  let missing = roomIds.filter((id) => !have.has(id));
  const issued = missing.length;
  const streets = new Map<string, string>();
  for (let i = 0; i < missing.length; i += 1000) {
    const rows = await db.selectFrom('street_places').select(['id', 'street_id']).where('id', 'in', missing.slice(i, i + 1000)).execute();
    for (const r of rows) streets.set(r.id, r.street_id);
  }
  // A clash in 6.6 × 10^11 is unlikely but possible: a room whose draw clashed simply draws again.
  // Residents type a code without its street, so a code in use in any street counts as a clash (the
  // unique key holds codes within a street only: docs/adr/0003-street-keys.md).
  for (let round = 0; missing.length > 0 && round < 5; round++) {
    for (let i = 0; i < missing.length; i += 500) {
      const drawn = missing.slice(i, i + 500).map((place_id) => ({ street_id: streets.get(place_id)!, place_id, code: randomCode(), created_at: at, created_by: by }));
      const taken = new Set((await db.selectFrom('act_household_codes').select('code').where('code', 'in', drawn.map((r) => r.code)).execute()).map((r) => r.code));
      const rows = drawn.filter((r) => !taken.has(r.code));
      if (rows.length) await db.insertInto('act_household_codes').values(rows).onConflict((oc) => oc.doNothing()).execute();
    }
    const now = await codesOf(db, missing);
    missing = missing.filter((id) => !now.has(id));
  }
  if (missing.length > 0) throw new Error('could not draw unique activation codes');
  return issued;
}

// ——— places for the room picker (kernel table) ———

const natural = new Intl.Collator('zh-CN', { numeric: true });
export const byNaturalName = <T extends { name: string }>(a: T, b: T) => natural.compare(a.name, b.name);

/** Compounds by name, for a resident looking for their own. */
export async function searchCompounds(db: Executor, q: string | undefined) {
  const rows = await db
    .selectFrom('places')
    .select(['id', 'name', 'kind', pathLabel('places.path', ['district', 'street', 'community']).as('area')])
    .where('kind', '=', 'compound')
    .$if(!!q, (qb) => qb.where('name', 'like', containing(q!)))
    .orderBy('name')
    .limit(30)
    .execute();
  return rows.sort(byNaturalName);
}

export async function childPlaces(db: Executor, parentId: string) {
  const rows = await db.selectFrom('places').select(['id', 'name', 'kind']).where('parent_id', '=', parentId).limit(2000).execute();
  return rows.sort(byNaturalName);
}

/** Every room of a compound with its building and unit names (a compound has at most a few thousand). */
export async function roomsOfCompound(db: Executor, compoundPath: string) {
  return db
    .selectFrom('places as room')
    .innerJoin('places as unit', 'unit.id', 'room.parent_id')
    .innerJoin('places as building', 'building.id', 'unit.parent_id')
    .select(['room.id', 'room.name as room', 'unit.name as unit', 'building.name as building'])
    .where('room.kind', '=', 'room')
    .where('room.path', 'like', `${compoundPath}%`)
    .execute();
}
