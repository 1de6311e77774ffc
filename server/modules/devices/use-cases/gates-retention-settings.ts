import { findPlace } from '../../../kernel/access/index.ts';
import { audit, type Ctx } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { DEVICES_ROLES, RETENTION_DAYS_DEFAULT } from '../devices.constants.ts';
import { read, write } from '../devices.db.ts';
import { DevicesErrors } from '../devices.errors.ts';
import { GatesErrors } from '../devices.gates.errors.ts';
import type { RetentionBody, RetentionQuery } from '../devices.gates.schemas.ts';
import { allows, holdsAnywhere } from '../devices.policy.ts';
import { placeFor } from './gates-access.ts';

export interface RetentionSetting {
  streetId: string;
  streetName: string;
  retentionDays: number;
  updatedAt: Date | null;
  /** Whether the actor may change it (the street's officials: manageDevices at the street). */
  canChange: boolean;
}

/**
 * The street's retention period of movement records, for whoever reads them (readMovements) or manages devices:
 * the asked street, else the street of the actor's first such grant. Default 30 days until the street sets one.
 */
export async function getRetention(ctx: Ctx, q: RetentionQuery): Promise<RetentionSetting> {
  if (!holdsAnywhere(ctx.actor, 'readMovements') && !holdsAnywhere(ctx.actor, 'manageDevices')) throw CommonErrors.FORBIDDEN();
  const roles: readonly string[] = [...DEVICES_ROLES.readMovements, ...DEVICES_ROLES.manageDevices];
  const placeId = q.streetId ?? ctx.actor.grants.find((g) => roles.includes(g.role))?.placeId;
  if (!placeId) throw DevicesErrors.PLACE_NOT_FOUND();
  const db = read(ctx);
  const place = await findPlace(db, placeId);
  if (!place?.street_id) throw DevicesErrors.PLACE_NOT_FOUND();
  if (q.streetId && place.kind !== 'street') throw GatesErrors.NOT_A_STREET();
  const street = place.kind === 'street' ? place : await findPlace(db, place.street_id);
  if (!street) throw DevicesErrors.PLACE_NOT_FOUND();
  // Readable by anyone reading movements or managing devices anywhere in the street.
  const inStreet = ctx.actor.grants.some((g) => roles.includes(g.role) && (g.placePath.startsWith(street.path) || street.path.startsWith(g.placePath)));
  if (!inStreet && ctx.actor.grants.length) throw DevicesErrors.PLACE_NOT_FOUND();
  const row = await db.selectFrom('dev_settings').select(['retention_days', 'updated_at']).where('street_id', '=', street.id).executeTakeFirst();
  return {
    streetId: street.id,
    streetName: street.name,
    retentionDays: row?.retention_days ?? RETENTION_DAYS_DEFAULT,
    updatedAt: row?.updated_at ?? null,
    canChange: allows(ctx.actor, 'manageDevices', street.path),
  };
}

/**
 * The street sets how long its movement records are kept (1–365 days): manageDevices over the street itself — its
 * officials (a property manager's grant is on a compound, below it: 403). Audited with before and after.
 */
export async function setRetention(ctx: Ctx, body: RetentionBody): Promise<RetentionSetting> {
  await write(ctx, async (tx) => {
    const street = await placeFor(tx, ctx.actor, body.streetId, 'manageDevices');
    if (street.kind !== 'street') throw GatesErrors.NOT_A_STREET();
    const before = await tx.selectFrom('dev_settings').select('retention_days').where('street_id', '=', street.id).executeTakeFirst();
    const now = ctx.kernel.clock.now();
    const by = ctx.actor.grants.length ? ctx.actor.accountId : null;
    await tx
      .insertInto('dev_settings')
      .values({ street_id: street.id, retention_days: body.retentionDays, updated_by: by, updated_at: now })
      .onConflict((oc) => oc.column('street_id').doUpdateSet({ retention_days: body.retentionDays, updated_by: by, updated_at: now }))
      .execute();
    await audit(tx, ctx, { action: 'devices.gates.retention_changed', placeId: street.id, subjectType: 'dev_settings', subjectId: street.id, before: { retentionDays: before?.retention_days ?? RETENTION_DAYS_DEFAULT }, after: { retentionDays: body.retentionDays }, detail: { from: before?.retention_days ?? RETENTION_DAYS_DEFAULT, to: body.retentionDays } });
  });
  return getRetention(ctx, { streetId: body.streetId });
}
