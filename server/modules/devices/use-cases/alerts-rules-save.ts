import { isSystem } from '../../../kernel/access/index.ts';
import { audit, type Ctx } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/ids.ts';
import { write } from '../devices.db.ts';
import { ParkingErrors } from '../devices.parking.errors.ts';
import type { RuleBody } from '../devices.parking.schemas.ts';
import { placeFor } from './parking-access.ts';

/**
 * Sets an alert rule at a street, community or compound (manageAlertRules over it): it applies to the compounds
 * below; where rules of one kind are set at several levels, the nearest to the compound applies. One rule per place
 * and kind (RULE_EXISTS: edit it). Audited.
 */
export async function createAlertRule(ctx: Ctx, body: RuleBody): Promise<{ id: string }> {
  return write(ctx, async (tx) => {
    const place = await placeFor(tx, ctx, body.placeId, 'manageAlertRules');
    if (!['street', 'community', 'compound'].includes(place.kind)) throw ParkingErrors.RULE_PLACE_KIND();
    const exists = await tx.selectFrom('dev_alert_rules').select('id').where('street_id', '=', place.street_id).where('place_id', '=', place.id).where('kind', '=', body.kind).executeTakeFirst();
    if (exists) throw ParkingErrors.RULE_EXISTS();
    const id = newId();
    const rule = { kind: body.kind, grace_minutes: body.graceMinutes, night_from: body.nightFrom, night_to: body.nightTo, enabled: body.enabled };
    await tx
      .insertInto('dev_alert_rules')
      .values({ street_id: place.street_id, id, place_id: place.id, ...rule, created_by: isSystem(ctx.actor) ? null : ctx.actor.accountId, created_at: ctx.kernel.clock.now() })
      .execute();
    await audit(tx, ctx, { action: 'devices.parking.alert_rule_created', placeId: place.id, subjectType: 'dev_alert_rule', subjectId: id, after: rule });
    return { id };
  });
}
