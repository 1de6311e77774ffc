import { type Ctx, audit } from '../../../kernel/context.ts';
import { write } from '../opinions.db.ts';
import { newId } from '../../../kernel/ids.ts';
import { compoundServices, type CompoundServices } from '../../registry/index.ts';
import type { Addressee } from '../opinions.constants.ts';
import { OpinionErrors } from '../opinions.errors.ts';
import type { PostOpinionBody } from '../opinions.schemas.ts';
import { loadOpinionFor, myRooms, presentOpinion } from './load-opinion.ts';

const ADDRESSEE_LABEL: Record<Addressee, { zh: string; en: string }> = {
  property_company: { zh: '物业服务企业', en: 'property company' },
  residents_committee: { zh: '居民委员会', en: "residents' committee" },
  owners_committee: { zh: '业主委员会', en: "owners' committee" },
};

/** The organisation behind an addressee in this compound, or null when the compound has none. */
export function addresseeOrg(services: CompoundServices, addressee: Addressee) {
  if (addressee === 'property_company') return services.propertyCompany;
  if (addressee === 'residents_committee') return services.residentsCommittee;
  return services.ownersCommittee;
}

/**
 * A resident posts an opinion or complaint to a compound they live in: publicly (neighbours read it)
 * or privately to the property company, the residents' committee or the owners' committee.
 */
export async function postOpinion(ctx: Ctx, input: PostOpinionBody) {
  const personId = ctx.actor.personId;
  if (!personId) throw OpinionErrors.NOT_A_RESIDENT();
  return write(ctx, async (tx) => {
    const rooms = await myRooms(tx, ctx);
    if (rooms.length === 0) throw OpinionErrors.NOT_A_RESIDENT();
    let room = rooms[0]!;
    if (input.roomId) {
      const chosen = rooms.find((r) => r.roomId === input.roomId);
      if (!chosen) throw OpinionErrors.ROOM_NOT_MINE();
      room = chosen;
    } else if (new Set(rooms.map((r) => r.compoundId)).size > 1) {
      throw OpinionErrors.ROOM_REQUIRED();
    }
    const org = addresseeOrg(await compoundServices(tx, room.compoundId), input.addressee);
    if (!org) {
      const label = ADDRESSEE_LABEL[input.addressee];
      throw OpinionErrors.ADDRESSEE_UNAVAILABLE({ zh: label.zh, en: label.en }, { addressee: input.addressee });
    }
    const now = ctx.kernel.clock.now();
    const id = newId();
    await tx
      .insertInto('op_opinions')
      .values({
        street_id: room.streetId,
        id,
        place_id: room.compoundId,
        room_id: room.roomId,
        author_person_id: personId,
        author_account_id: ctx.actor.accountId,
        author_name: ctx.actor.name,
        visibility: input.visibility,
        addressee: input.addressee,
        addressee_org_id: org.id,
        addressee_name: org.name,
        kind: input.kind,
        title: input.title,
        body: input.body,
        created_at: now,
        updated_at: now,
      })
      .execute();
    const loaded = await loadOpinionFor(tx, ctx, id, rooms);
    await audit(tx, ctx, {
      action: 'opinions.opinion.posted',
      placeId: room.compoundId,
      subjectType: 'opinion',
      subjectId: id,
      after: loaded.row,
      detail: { visibility: input.visibility, addressee: input.addressee, kind: input.kind },
    });
    return presentOpinion(ctx, loaded);
  });
}
