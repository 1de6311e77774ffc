import { isSystem } from '../../../kernel/access/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { read } from '../devices.db.ts';
import type { AlertKind } from '../devices.tables.ts';
import { allows, holdsAnywhere } from '../devices.policy.ts';
import { seesPlace } from './parking-access.ts';

/** An alert rule as the rules page shows it; `editable` when the actor may change it (manageAlertRules over its place). */
export interface AlertRuleRow {
  id: string;
  placeId: string;
  placeName: string;
  placeKind: string;
  kind: AlertKind;
  graceMinutes: number;
  nightFrom: string;
  nightTo: string;
  enabled: boolean;
  createdAt: Date;
  editable: boolean;
}

/**
 * The alert rules that apply to the actor's places (handleAlerts or manageAlertRules): those at their places or
 * below, and those above them (a street's rule covers its compounds). By place depth, then kind.
 */
export async function listAlertRules(ctx: Ctx): Promise<{ items: AlertRuleRow[] }> {
  if (!holdsAnywhere(ctx.actor, 'handleAlerts') && !holdsAnywhere(ctx.actor, 'manageAlertRules')) throw CommonErrors.FORBIDDEN();
  const rows = await read(ctx)
    .selectFrom('dev_alert_rules as r')
    .innerJoin('street_places as p', (j) => j.onRef('p.street_id', '=', 'r.street_id').onRef('p.id', '=', 'r.place_id'))
    .select(['r.id', 'r.place_id as placeId', 'p.name as placeName', 'p.kind as placeKind', 'p.path', 'p.depth', 'r.kind', 'r.grace_minutes as graceMinutes', 'r.night_from as nightFrom', 'r.night_to as nightTo', 'r.enabled', 'r.created_at as createdAt'])
    // The streets of the actor's grants (every id on a grant's path; the street is one of them): seesPlace decides.
    .$if(!isSystem(ctx.actor), (s) => s.where('r.street_id', 'in', [...new Set(ctx.actor.grants.flatMap((g) => g.placePath.split('/').filter(Boolean)))]))
    .orderBy('p.depth')
    .orderBy('p.name')
    .orderBy('r.kind')
    .limit(500)
    .execute();
  return {
    items: rows
      .filter((r) => seesPlace(ctx.actor, r.path))
      .map(({ path, depth: _depth, ...r }) => ({ ...r, editable: allows(ctx.actor, 'manageAlertRules', path) })),
  };
}
