import { sql } from 'kysely';
import { findPlace } from '../../../kernel/access/index.ts';
import { audit, type Ctx } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/ids.ts';
import { notify } from '../../../kernel/notify/notify.ts';
import { DEFAULT_QUESTIONS, EMERGENCY_LEVEL_ZH, EMERGENCY_PLACE_KINDS } from '../grid.emergency.constants.ts';
import { EmergencyErrors } from '../grid.emergency.errors.ts';
import type { DeclareBody } from '../grid.emergency.schemas.ts';
import { GridErrors } from '../grid.errors.ts';
import { write } from '../grid.db.ts';
import { allows } from '../grid.policy.ts';
import { accountOf, createScreening, nameOf } from './emergency-access.ts';

/**
 * An official (emergencyDeclare over the place) switches a compound, community or street into emergency mode with a
 * level and a reason: one active declaration per place (`ALREADY_IN_EMERGENCY`; the partial unique index holds it under
 * a race). The screening starts at once with the checklist (unless asked not to), and every resident of the place is
 * told, urgently (through quiet hours). One transaction, audited. `past` is the demo seed's only: a declaration of
 * last month recorded today tells nobody now.
 */
export async function declareEmergency(ctx: Ctx, body: DeclareBody, opts: { past?: boolean } = {}): Promise<{ id: string; screeningId: string | null; households: number; notified: number }> {
  return write(ctx, async (tx) => {
    const place = await findPlace(tx, body.placeId);
    if (!place || !place.street_id || !allows(ctx.actor, 'emergencyDeclare', place.path)) throw GridErrors.PLACE_NOT_FOUND();
    if (!(EMERGENCY_PLACE_KINDS as readonly string[]).includes(place.kind)) throw EmergencyErrors.EMERGENCY_PLACE_KIND();
    const streetId = place.street_id;
    const now = ctx.kernel.clock.now();
    const id = newId();
    const inserted = await tx
      .insertInto('grid_emergency_declarations')
      .values({ street_id: streetId, id, place_id: place.id, level: body.level, reason: body.reason, declared_by: accountOf(ctx), declared_by_name: nameOf(ctx), declared_at: now, ended_by: null, ended_at: null })
      .onConflict((oc) => oc.columns(['street_id', 'place_id']).where(sql<boolean>`status = 'active'`).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) throw EmergencyErrors.ALREADY_IN_EMERGENCY();
    const screening = body.screening
      ? await createScreening(tx, ctx, { streetId, id, placePath: place.path, placeKind: place.kind }, body.questions ?? DEFAULT_QUESTIONS)
      : null;
    // The demo's past declarations (ended long ago) are recorded without telling today's inboxes.
    const sent = opts.past
      ? { recipients: 0 }
      : await notify(tx, ctx, {
      template: 'grid.emergency.declared',
      placeId: place.id,
      to: { audience: 'registry.residents' },
      data: { id, place: place.name, level: EMERGENCY_LEVEL_ZH[body.level], reason: body.reason },
      subject: { type: 'grid_emergency', id },
      urgent: true,
    });
    await tx.updateTable('grid_emergency_declarations').set({ residents_notified: sent.recipients }).where('street_id', '=', streetId).where('id', '=', id).execute();
    await audit(tx, ctx, {
      action: 'grid.emergency.declared',
      placeId: place.id,
      subjectType: 'grid_emergency',
      subjectId: id,
      detail: { place: place.name, level: body.level, households: screening?.households ?? 0, notified: sent.recipients },
    });
    return { id, screeningId: screening?.id ?? null, households: screening?.households ?? 0, notified: sent.recipients };
  });
}
