import { audit, type Ctx } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/ids.ts';
import { personPhonesMasked } from '../../registry/index.ts';
import { EmergencyErrors } from '../grid.emergency.errors.ts';
import type { RosterBody } from '../grid.emergency.schemas.ts';
import { write } from '../grid.db.ts';
import { managedDeclaration } from './emergency-access.ts';
import { placeVolunteers, screeningStaff } from './emergency-visitors.ts';

/**
 * A manager puts someone on duty on a day at a post (指挥 / 值守 / 巡查 / 物资 / 入户) for a shift: a staff member who may
 * screen within the place, or an approved volunteer of the place; with their phone masked. Audited.
 */
export async function addRoster(ctx: Ctx, id: string, body: RosterBody): Promise<{ id: string }> {
  return write(ctx, async (tx) => {
    const d = await managedDeclaration(tx, ctx, id);
    if (!body.accountId && !body.personId) throw EmergencyErrors.ROSTER_PERSON_REQUIRED();
    if (body.shiftEnd <= body.shiftStart) throw EmergencyErrors.SHIFT_INVALID();
    let who: { accountId: string | null; personId: string | null; name: string; phoneMasked: string };
    if (body.accountId) {
      const staff = (await screeningStaff(tx, d)).find((s) => s.accountId === body.accountId);
      const account = staff ? await tx.selectFrom('accounts').select(['phone_masked', 'person_id']).where('id', '=', body.accountId).executeTakeFirst() : undefined;
      if (!staff || !account) throw EmergencyErrors.VISITOR_NOT_ELIGIBLE();
      const phone = account.phone_masked ?? (account.person_id ? (await personPhonesMasked(tx, [account.person_id])).get(account.person_id) : undefined) ?? '';
      who = { accountId: body.accountId, personId: account.person_id, name: staff.name, phoneMasked: phone };
    } else {
      const v = (await placeVolunteers(tx, d)).find((x) => x.personId === body.personId);
      if (!v) throw EmergencyErrors.VISITOR_NOT_ELIGIBLE();
      who = { accountId: v.accountId, personId: v.personId, name: v.name, phoneMasked: v.phoneMasked };
    }
    const rosterId = newId();
    await tx
      .insertInto('grid_emergency_rosters')
      .values({
        street_id: d.streetId,
        id: rosterId,
        declaration_id: id,
        day: body.day,
        post: body.post,
        account_id: who.accountId,
        person_id: who.personId,
        name: who.name,
        phone_masked: who.phoneMasked,
        shift_start: body.shiftStart,
        shift_end: body.shiftEnd,
        note: body.note,
        created_at: ctx.kernel.clock.now(),
      })
      .execute();
    await audit(tx, ctx, { action: 'grid.emergency.roster_added', placeId: d.placeId, subjectType: 'grid_emergency', subjectId: id, detail: { day: body.day, post: body.post, shift: `${body.shiftStart}-${body.shiftEnd}` } });
    return { id: rosterId };
  });
}
