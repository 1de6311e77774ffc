import { ancestorOfKind, findPlace, streetOf } from '../../../kernel/access/index.ts';
import { type Ctx, audit } from '../../../kernel/context.ts';
import { write, read } from '../repairs.db.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { newId } from '../../../kernel/ids.ts';
import { isValidMobile, maskPhone, normalise } from '../../../kernel/pii/pii.ts';
import { compoundServices, currentRoomsOf, personContact } from '../../registry/index.ts';
import { orderNumber, PLACE_KINDS } from '../repairs.constants.ts';
import { RepairErrors } from '../repairs.errors.ts';
import { allows } from '../repairs.policy.ts';
import { insertEvent, limitsFor, loadOrder, nextOrderSeq } from '../repairs.repository.ts';
import type { ReportBody } from '../repairs.schemas.ts';
import { getOrder } from './get-order.ts';
import { checkPhotos, storePhotos, type Upload, withPhotos } from './photos.ts';

const LANDLINE_RE = /^0\d{2,3}-?\d{7,8}$/;
const MINUTE = 60_000;

/**
 * A resident reports a repair (their own room, or a common part of their compound), or a building
 * leader or the property office reports one on a resident's behalf (by phone or at the counter).
 * The deadlines are fixed now, from the compound's time limits for the category.
 */
export async function reportOrder(ctx: Ctx, input: ReportBody, uploads: Upload[] = []) {
  const photos = checkPhotos(uploads);
  const { clock, pii } = ctx.kernel;
  const db = read(ctx);
  const actor = ctx.actor;
  const proxy = input.channel !== 'app';

  const place = await findPlace(db, input.placeId);
  if (!place) throw RepairErrors.PLACE_NOT_FOUND();
  let residentPersonId: string | null = null;
  if (proxy) {
    if (!allows(actor, 'reportOnBehalf', place.path)) {
      throw allows(actor, 'readOrders', place.path) || allows(actor, 'readEscalated', place.path) ? CommonErrors.FORBIDDEN() : RepairErrors.PLACE_NOT_FOUND();
    }
  } else {
    if (!actor.personId) throw RepairErrors.NOT_A_RESIDENT();
    const rooms = await currentRoomsOf(db, actor.personId);
    const mine = place.kind === 'room' ? rooms.some((r) => r.roomId === place.id) : rooms.some((r) => place.path.startsWith(r.compoundPath));
    if (!mine) throw RepairErrors.PLACE_NOT_FOUND();
    residentPersonId = actor.personId;
  }
  if (!(PLACE_KINDS as readonly string[]).includes(place.kind)) throw RepairErrors.PLACE_KIND_NOT_ALLOWED();

  const compound = place.kind === 'compound' ? place : await ancestorOfKind(db, place, 'compound');
  const community = compound ? await ancestorOfKind(db, compound, 'community') : undefined;
  if (!compound || !community) throw RepairErrors.PLACE_KIND_NOT_ALLOWED();
  const services = await compoundServices(db, compound.id);
  if (!services.propertyCompany) throw RepairErrors.NO_PROPERTY_COMPANY();

  if (proxy && input.residentPersonId) {
    const rooms = await currentRoomsOf(db, input.residentPersonId);
    const lives = place.kind === 'room' ? rooms.some((r) => r.roomId === place.id) : rooms.some((r) => r.compoundId === compound.id);
    if (!lives) throw RepairErrors.RESIDENT_NOT_OF_PLACE();
    residentPersonId = input.residentPersonId;
  }
  const contact = await contactOf(ctx, input, residentPersonId);

  const limit = (await limitsFor(db, compound.id))[input.category];
  const now = clock.now();
  const id = newId();
  await withPhotos(ctx, (written) =>
    write(ctx, async (tx) => {
      const no = orderNumber(now, await nextOrderSeq(tx));
      await tx
        .insertInto('rep_orders')
        .values({
          street_id: streetOf(place),
          id,
          no,
          place_id: place.id,
          compound_id: compound.id,
          community_id: community.id,
          company_id: services.propertyCompany!.id,
          category: input.category,
          description: input.description,
          channel: input.channel,
          status: 'submitted',
          resident_person_id: residentPersonId,
          reported_by: actor.accountId,
          reporter_name: actor.name,
          contact_name: contact.name,
          contact_phone_enc: contact.phoneEnc,
          contact_phone_masked: contact.phoneMasked,
          preferred_date: input.preferredDate ?? null,
          preferred_period: input.preferredPeriod ?? null,
          reported_at: now,
          respond_by: new Date(now.getTime() + limit.responseMinutes * MINUTE),
          complete_by: new Date(now.getTime() + limit.completionMinutes * MINUTE),
          updated_at: now,
        })
        .execute();
      await storePhotos(tx, ctx, { streetId: streetOf(place), orderId: id, placeId: place.id, stage: 'report', at: now }, photos, written);
      await insertEvent(tx, {
        streetId: streetOf(place),
        orderId: id,
        placeId: place.id,
        at: now,
        actorId: actor.accountId,
        actorName: actor.name,
        action: 'reported',
        to: 'submitted',
        detail: { channel: input.channel, photos: photos.length },
      });
      await audit(tx, ctx, {
        action: 'repairs.order.reported',
        placeId: place.id,
        subjectType: 'repair_order',
        subjectId: id,
        after: await loadOrder(tx, id),
        detail: { no, category: input.category, channel: input.channel, photos: photos.length },
      });
    }),
  );
  return getOrder(ctx, id);
}

/** The contact: as given, else the resident's own registered name and phone. */
async function contactOf(ctx: Ctx, input: ReportBody, residentPersonId: string | null) {
  const person = residentPersonId ? await personContact(read(ctx), residentPersonId) : null;
  let phoneEnc = person?.phoneEnc ?? null;
  let phoneMasked = person?.phoneMasked ?? null;
  if (input.contactPhone) {
    const phone = normalise(input.contactPhone);
    if (!isValidMobile(phone) && !LANDLINE_RE.test(phone)) throw RepairErrors.PHONE_INVALID();
    phoneEnc = ctx.kernel.pii.encrypt(phone);
    phoneMasked = maskPhone(phone);
  }
  const name = input.contactName ?? person?.name ?? (input.channel === 'app' ? ctx.actor.name : null);
  return { name, phoneEnc, phoneMasked };
}

