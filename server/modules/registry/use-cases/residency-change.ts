import { ancestorOfKind, findPlace, streetOf } from '../../../kernel/access/places.ts';
import { requestApproval } from '../../../kernel/approvals/approvals.ts';
import { chinaDay } from '../../../kernel/clock.ts';
import { type Ctx, audit } from '../../../kernel/context.ts';
import type { Executor as AnyExecutor, Tx as AnyTx } from '../../../kernel/db/index.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { newId } from '../../../kernel/ids.ts';
import { isSystem } from '../../../kernel/access/index.ts';
import { type Executor, read, type Tx } from '../registry.db.ts';
import { RegistryErrors } from '../registry.errors.ts';
import { allows } from '../registry.policy.ts';
import { currentHousehold, findPerson, findPersonByIdHash, findRoom, presentPerson } from '../registry.repository.ts';
import type { Relation } from '../registry.tables.ts';
import { endHouseholdRow, insertHousehold, OWNER_CHANGE } from './add-household.ts';
import { personPiiColumns } from './person-input.ts';
import { syncTagSpans } from './tag-spans.ts';

const OWNERSHIP = new Set<Relation>(['owner', 'co_owner']);

/** Who arrives: a person the registry knows, or one it is to register (found again by ID number if it has them). */
export type ArrivingPerson = { personId: string } | { name: string; phone?: string | null; idNumber?: string | null };

/**
 * A change of who lives in a room, as another module verified it (grid collection, 四个实有): someone arrives
 * (a tenant with a contract, family, or — waiting for a second approver — an owner) or someone leaves.
 */
export type ResidencyChange =
  | { op: 'arrive'; roomId: string; relation: Relation; person: ArrivingPerson; startDate: string; shareBp?: number | null }
  | { op: 'leave'; roomId: string; personId: string; relation?: Relation; endDate: string };

export type ResidencyOutcome =
  | { status: 'applied'; personId: string; householdId: string; personCreated: boolean }
  /** A change of ownership, waiting in the registry's second-approver queue (registry.owner_change). */
  | { status: 'pending_approval'; approvalId: string; personId: string | null };

/**
 * Applies a verified residency change to the registry in the caller's transaction, as the actor — who must be
 * allowed to write households over the room. Tenants and family start or end at once, audited like any household;
 * a change of ownership goes to the same second-approver queue an official's does. Refusals are the registry's own
 * errors, so a caller's transaction rolls back and nothing is half-applied.
 */
export async function applyResidencyChange(callerTx: AnyTx, ctx: Ctx, change: ResidencyChange): Promise<ResidencyOutcome> {
  const tx = read(callerTx);
  const room = await findRoom(tx, change.roomId);
  if (!room || !allows(ctx.actor, 'readRooms', room.path)) throw RegistryErrors.ROOM_NOT_FOUND();
  if (!allows(ctx.actor, 'writeHouseholds', room.path)) throw CommonErrors.FORBIDDEN();

  if (change.op === 'leave') {
    const holds = await tx
      .selectFrom('reg_households')
      .select(['id', 'relation', 'start_date'])
      .where('room_id', '=', room.id)
      .where('person_id', '=', change.personId)
      .where('end_date', 'is', null)
      .$if(!!change.relation, (q) => q.where('relation', '=', change.relation!))
      .orderBy('id')
      .execute();
    if (!holds.length) throw RegistryErrors.HOUSEHOLD_NOT_FOUND();
    const owned = holds.filter((h) => OWNERSHIP.has(h.relation));
    if (owned.length) {
      const approval = await requestApproval(tx, ctx, {
        kind: OWNER_CHANGE,
        placeId: room.id,
        summary: `注销业主登记：${room.name}（${change.endDate}）`,
        payload: { op: 'end', householdId: owned[0]!.id, endDate: change.endDate },
      });
      return { status: 'pending_approval', approvalId: approval.approvalId, personId: change.personId };
    }
    for (const h of holds) await endHouseholdRow(tx, ctx, h.id, change.endDate);
    return { status: 'applied', personId: change.personId, householdId: holds[0]!.id, personCreated: false };
  }

  const { personId, created } = await arrivingPerson(tx, ctx, room, change.person);
  const household = { roomId: room.id, personId, relation: change.relation, shareBp: change.shareBp ?? null, startDate: change.startDate };
  if (OWNERSHIP.has(change.relation)) {
    if (!change.shareBp) throw RegistryErrors.SHARE_REQUIRED();
    const name = (await findPerson(tx, personId))!.name;
    const approval = await requestApproval(tx, ctx, {
      kind: OWNER_CHANGE,
      placeId: room.id,
      summary: `登记${change.relation === 'owner' ? '业主' : '共有人'}：${name} → ${room.name}`,
      payload: { op: 'add', household },
    });
    return { status: 'pending_approval', approvalId: approval.approvalId, personId };
  }
  if (await currentHousehold(tx, household)) throw RegistryErrors.HOUSEHOLD_EXISTS({ relation: change.relation });
  const row = await insertHousehold(callerTx, ctx, household);
  return { status: 'applied', personId, householdId: row.id, personCreated: created };
}

/** The arriving person: known by id, found by ID number, or registered now at the room's compound (audited). */
async function arrivingPerson(tx: Tx, ctx: Ctx, room: { id: string; path: string }, person: ArrivingPerson) {
  if ('personId' in person) {
    if (!(await findPerson(tx, person.personId))) throw RegistryErrors.PERSON_NOT_FOUND();
    return { personId: person.personId, created: false };
  }
  const pii = personPiiColumns(ctx.kernel.pii, { phone: person.phone ?? null, idNumber: person.idNumber ?? null });
  if (pii.id_number_hash) {
    const known = await findPersonByIdHash(tx, pii.id_number_hash);
    if (known) return { personId: known.id, created: false };
  }
  const roomPlace = (await findPlace(tx, room.id))!;
  const compound = (await ancestorOfKind(tx, roomPlace, 'compound')) ?? roomPlace;
  const id = newId();
  await tx.insertInto('reg_persons').values({ street_id: streetOf(compound), id, place_id: compound.id, name: person.name, tags: [], ...pii }).execute();
  await syncTagSpans(tx, { streetId: streetOf(compound), personIds: [id] }, chinaDay(ctx.kernel.clock.now()), isSystem(ctx.actor) ? null : ctx.actor.accountId);
  const row = (await findPerson(tx, id))!;
  await audit(tx, ctx, { action: 'registry.person.created', placeId: compound.id, subjectType: 'person', subjectId: id, after: presentPerson(row), detail: { via: 'residency_change' } });
  return { personId: id, created: true };
}

/** What the registry knows of a person at a room, for checking a collected record: by ID number, else by name. */
export async function residentAtRoom(caller: AnyExecutor, ctx: Ctx, at: { roomId: string; idNumber?: string | null; name?: string | null }) {
  const db: Executor = read(caller);
  const pii = at.idNumber ? personPiiColumns(ctx.kernel.pii, { idNumber: at.idNumber }) : {};
  const person = pii.id_number_hash ? await findPersonByIdHash(db, pii.id_number_hash) : undefined;
  const rows = await db
    .selectFrom('reg_households as h')
    .innerJoin('reg_persons as p', 'p.id', 'h.person_id')
    .select(['h.id as householdId', 'h.relation', 'p.id as personId', 'p.name', 'h.start_date as startDate'])
    .where('h.room_id', '=', at.roomId)
    .where('h.end_date', 'is', null)
    .execute();
  const here = person ? rows.filter((r) => r.personId === person.id) : at.name ? rows.filter((r) => r.name === at.name) : [];
  return {
    /** The person the registry holds with this ID number, wherever they live. */
    knownPersonId: person?.id ?? null,
    /** Their households in force at the room (empty: not living there as far as the registry knows). */
    householdsHere: here.map((r) => ({ householdId: r.householdId, relation: r.relation, startDate: r.startDate })),
    personIdHere: here[0]?.personId ?? null,
  };
}
