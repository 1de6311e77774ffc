import type { Executor as AnyExecutor, Tx as AnyTx } from '../../../kernel/db/index.ts';
import { requestApproval } from '../../../kernel/approvals/approvals.ts';
import { type Ctx, audit } from '../../../kernel/context.ts';
import { write, type Tx, read } from '../registry.db.ts';
import { newId } from '../../../kernel/ids.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { RegistryErrors } from '../registry.errors.ts';
import { allows } from '../registry.policy.ts';
import { currentHousehold, findHousehold, findOrganisation, findPerson, findRoom } from '../registry.repository.ts';
import type { CreateHouseholdBody } from '../registry.schemas.ts';

export const OWNER_CHANGE = 'registry.owner_change';
const OWNERSHIP = new Set(['owner', 'co_owner']);

/**
 * Links a person (or the developer) to a room. Tenants and family members are recorded at once;
 * an owner or co-owner of record changes only when a second approver agrees.
 */
export async function addHousehold(ctx: Ctx, input: CreateHouseholdBody) {
  return write(ctx, async (tx) => {
    const room = await checkHousehold(tx, ctx, input);
    if (OWNERSHIP.has(input.relation)) {
      const holder = input.personId ? (await findPerson(tx, input.personId))!.name : (await findOrganisation(tx, input.organisationId!))!.name;
      return requestApproval(tx, ctx, {
        kind: OWNER_CHANGE,
        placeId: room.id,
        summary: `登记${input.relation === 'owner' ? '业主' : '共有人'}：${holder} → ${room.name}`,
        payload: { op: 'add', household: input },
      });
    }
    return { status: 'created' as const, household: await insertHousehold(tx, ctx, input) };
  });
}

/** Validates a new household: room in scope and writable, holder exists, relation fits, no duplicate. */
async function checkHousehold(tx: Tx, ctx: Ctx, input: CreateHouseholdBody) {
  const room = await findRoom(tx, input.roomId);
  if (!room || !allows(ctx.actor, 'readRooms', room.path)) throw RegistryErrors.ROOM_NOT_FOUND();
  if (!allows(ctx.actor, 'writeHouseholds', room.path)) throw CommonErrors.FORBIDDEN();
  if (input.personId && !(await findPerson(tx, input.personId))) throw RegistryErrors.PERSON_NOT_FOUND();
  if (input.organisationId) {
    if (!(await findOrganisation(tx, input.organisationId))) throw RegistryErrors.ORGANISATION_NOT_FOUND();
    if (input.relation !== 'owner') throw RegistryErrors.ONLY_OWNER_FOR_ORGANISATION();
  }
  if (OWNERSHIP.has(input.relation) && !input.shareBp) throw RegistryErrors.SHARE_REQUIRED();
  if (await currentHousehold(tx, { ...input })) throw RegistryErrors.HOUSEHOLD_EXISTS({ relation: input.relation });
  return room;
}

export async function insertHousehold(callerTx: AnyTx, ctx: Ctx, input: CreateHouseholdBody) {
  const tx = read(callerTx);
  const room = await tx.selectFrom('reg_rooms').select('street_id').where('place_id', '=', input.roomId).executeTakeFirst();
  if (!room) throw RegistryErrors.ROOM_NOT_FOUND();
  const id = newId();
  await tx
    .insertInto('reg_households')
    .values({
      street_id: room.street_id,
      id,
      room_id: input.roomId,
      person_id: input.personId ?? null,
      organisation_id: input.organisationId ?? null,
      relation: input.relation,
      share_bp: OWNERSHIP.has(input.relation) ? (input.shareBp ?? null) : null,
      start_date: input.startDate ?? null,
    })
    .execute();
  const row = (await findHousehold(tx, id))!;
  await audit(tx, ctx, { action: 'registry.household.created', placeId: input.roomId, subjectType: 'household', subjectId: id, after: row, detail: { relation: input.relation } });
  return row;
}

/** Applied on approval: re-checks (the registry may have changed meanwhile) and writes. */
export async function applyOwnerChange(tx: Tx, ctx: Ctx, payload: { op: 'add'; household: CreateHouseholdBody } | { op: 'end'; householdId: string; endDate: string }) {
  if (payload.op === 'add') {
    if (await currentHousehold(tx, payload.household)) throw RegistryErrors.HOUSEHOLD_EXISTS({ relation: payload.household.relation });
    return { householdId: (await insertHousehold(tx, ctx, payload.household)).id };
  }
  const before = await findHousehold(tx, payload.householdId);
  if (!before || before.end_date !== null) throw RegistryErrors.HOUSEHOLD_NOT_FOUND();
  await endHouseholdRow(tx, ctx, before.id, payload.endDate);
  return { householdId: before.id };
}

export async function endHouseholdRow(tx: Tx, ctx: Ctx, id: string, endDate: string) {
  const before = (await findHousehold(tx, id))!;
  if (before.start_date && endDate < before.start_date) throw CommonErrors.VALIDATION_FAILED();
  await tx.updateTable('reg_households').set({ end_date: endDate, updated_at: ctx.kernel.clock.now() }).where('id', '=', id).execute();
  const after = (await findHousehold(tx, id))!;
  await audit(tx, ctx, { action: 'registry.household.ended', placeId: before.room_id, subjectType: 'household', subjectId: id, before, after, detail: { relation: before.relation } });
}
