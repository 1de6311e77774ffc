import { audit, type Ctx } from '../../../kernel/context.ts';
import { personContact, roomsOfActor } from '../../registry/index.ts';
import { write } from '../grid.db.ts';
import { MediationErrors } from '../grid.mediation.errors.ts';
import type { ApplyBody } from '../grid.mediation.schemas.ts';
import { insertCase, placeOfCase } from './mediation-cases-open.ts';

/**
 * A resident applies for mediation at a compound they live in (source 'resident'): they are the first party
 * (申请人, their name and phone from the registry), the other side is named by them. The case waits 待受理 for the
 * community's committee. Audited.
 */
export async function applyForMediation(ctx: Ctx, body: ApplyBody): Promise<{ id: string; no: string; status: 'applied' }> {
  const personId = ctx.actor.personId;
  if (!personId) throw MediationErrors.MEDIATION_NOT_A_RESIDENT();
  return write(ctx, async (tx) => {
    const rooms = await roomsOfActor(tx, ctx);
    const room = rooms.find((r) => r.compoundId === body.compoundId);
    if (!room) throw MediationErrors.MEDIATION_NOT_A_RESIDENT();
    const { place, community, committee } = await placeOfCase(tx, body.compoundId);
    const me = await personContact(tx, personId);
    const phone = me?.phoneEnc ? ctx.kernel.pii.decrypt(me.phoneEnc) : undefined;
    const made = await insertCase(tx, ctx, {
      place,
      community,
      committee,
      source: 'resident',
      sourceRef: null,
      sourceTitle: '居民申请',
      category: body.category,
      summary: body.summary,
      parties: [
        { name: me?.name ?? ctx.actor.name, role: 'applicant', phone, room: room.roomLabel },
        { name: body.respondentName, role: 'respondent', phone: body.respondentPhone, room: body.respondentRoom },
      ],
      applicantPersonId: personId,
      mediatorIds: [],
    });
    await audit(tx, ctx, { action: 'grid.mediation.applied', placeId: place.id, subjectType: 'grid_mediation_case', subjectId: made.id, detail: { no: made.no, category: body.category } });
    return { ...made, status: 'applied' as const };
  });
}
