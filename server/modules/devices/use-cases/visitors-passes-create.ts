import { randomBytes } from 'node:crypto';
import { audit, type Ctx } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/ids.ts';
import { isValidMobile, maskPhone, normalise } from '../../../kernel/pii/pii.ts';
import { write } from '../devices.db.ts';
import { PASS_MAX_DAYS, PASS_START_GRACE_MINUTES } from '../devices.visitors.constants.ts';
import type { PassBody } from '../devices.visitors.schemas.ts';
import { VisitorsErrors } from '../devices.visitors.errors.ts';
import { myRoom } from './visitors-access.ts';

const MINUTE = 60_000;
const DAY = 86_400_000;

/**
 * A resident invites a visitor to one of their rooms' compound for a time window (ending after it starts, at most
 * 7 days long, starting no more than 5 minutes ago): a pass with a random code (128 bits, base64url) the QR code
 * carries, and the visitor's plate if they drive. The visitor's phone is kept encrypted and shown masked.
 */
export async function createPass(ctx: Ctx, body: PassBody): Promise<{ id: string; code: string }> {
  const from = new Date(body.validFrom);
  const to = new Date(body.validTo);
  const now = ctx.kernel.clock.now();
  if (!(to > from) || to.getTime() - from.getTime() > PASS_MAX_DAYS * DAY || from.getTime() < now.getTime() - PASS_START_GRACE_MINUTES * MINUTE) throw VisitorsErrors.PASS_WINDOW({ days: PASS_MAX_DAYS });
  const phone = body.visitorPhone ? normalise(body.visitorPhone) : '';
  if (phone && !isValidMobile(phone)) throw VisitorsErrors.PHONE_INVALID();
  return write(ctx, async (tx) => {
    const room = await myRoom(tx, ctx, body.roomId);
    const id = newId();
    const code = randomBytes(16).toString('base64url');
    await tx
      .insertInto('dev_passes')
      .values({
        street_id: room.streetId,
        id,
        place_id: room.compoundId,
        room_id: room.roomId,
        host_account_id: ctx.actor.accountId!,
        host_name: ctx.actor.name,
        visitor_name: body.visitorName,
        visitor_phone_enc: phone ? ctx.kernel.pii.encrypt(phone) : null,
        visitor_phone_masked: phone ? maskPhone(phone) : '',
        plate: body.plate || null,
        purpose: body.purpose,
        code,
        valid_from: from,
        valid_to: to,
        arrived_at: null,
        left_at: null,
        cancelled_at: null,
        created_at: now,
      })
      .execute();
    await audit(tx, ctx, {
      action: 'devices.visitors.pass_created',
      placeId: room.compoundId,
      subjectType: 'dev_pass',
      subjectId: id,
      after: { roomId: room.roomId, visitor: body.visitorName, plate: body.plate || null, validFrom: from.toISOString(), validTo: to.toISOString() },
    });
    return { id, code };
  });
}
