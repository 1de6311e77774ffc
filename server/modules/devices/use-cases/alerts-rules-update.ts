import { audit, type Ctx } from '../../../kernel/context.ts';
import { write } from '../devices.db.ts';
import { ParkingErrors } from '../devices.parking.errors.ts';
import type { UpdateRuleBody } from '../devices.parking.schemas.ts';
import { checkRecord } from './parking-access.ts';

/** Changes an alert rule's minutes, night hours or whether it is on (manageAlertRules over its place). Audited with before and after. */
export async function updateAlertRule(ctx: Ctx, id: string, body: UpdateRuleBody): Promise<{ id: string }> {
  return write(ctx, async (tx) => {
    const r = await tx
      .selectFrom('dev_alert_rules as r')
      .innerJoin('street_places as p', (j) => j.onRef('p.street_id', '=', 'r.street_id').onRef('p.id', '=', 'r.place_id'))
      .select(['r.street_id', 'r.place_id', 'r.kind', 'r.grace_minutes', 'r.night_from', 'r.night_to', 'r.enabled', 'p.path'])
      .where('r.id', '=', id)
      .executeTakeFirst();
    checkRecord(ctx, r?.path, 'manageAlertRules', ParkingErrors.RULE_NOT_FOUND);
    const before = { kind: r!.kind, grace_minutes: r!.grace_minutes, night_from: r!.night_from, night_to: r!.night_to, enabled: r!.enabled };
    const after = {
      kind: r!.kind,
      grace_minutes: body.graceMinutes ?? before.grace_minutes,
      night_from: body.nightFrom ?? before.night_from,
      night_to: body.nightTo ?? before.night_to,
      enabled: body.enabled ?? before.enabled,
    };
    const { kind: _kind, ...set } = after;
    await tx.updateTable('dev_alert_rules').set(set).where('street_id', '=', r!.street_id).where('id', '=', id).execute();
    await audit(tx, ctx, { action: 'devices.parking.alert_rule_updated', placeId: r!.place_id, subjectType: 'dev_alert_rule', subjectId: id, before, after });
    return { id };
  });
}
