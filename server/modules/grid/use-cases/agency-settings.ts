import { audit, type Ctx } from '../../../kernel/context.ts';
import { DEFAULT_RETENTION_DAYS } from '../grid.agency.constants.ts';
import type { SettingsBody } from '../grid.agency.schemas.ts';
import { type Executor, read, write } from '../grid.db.ts';
import { accountOf, managedStreet } from './agency-access.ts';

/** A street's retention of completed cases' documents in days (the default when it never set one). */
export async function retentionDays(db: Executor, streetId: string): Promise<number> {
  const row = await db.selectFrom('grid_agency_settings').select('document_retention_days').where('street_id', '=', streetId).executeTakeFirst();
  return row?.document_retention_days ?? DEFAULT_RETENTION_DAYS;
}

/** The street's agency settings, for those who manage them. */
export async function agencySettings(ctx: Ctx, streetId?: string): Promise<{ streetId: string; documentRetentionDays: number }> {
  const db = read(ctx);
  const street = await managedStreet(db, ctx, streetId);
  return { streetId: street.id, documentRetentionDays: await retentionDays(db, street.id) };
}

/** The street sets how many days after completion a case's documents are deleted. Audited. */
export async function saveAgencySettings(ctx: Ctx, body: SettingsBody): Promise<{ streetId: string; documentRetentionDays: number }> {
  return write(ctx, async (tx) => {
    const street = await managedStreet(tx, ctx, body.streetId);
    const before = await retentionDays(tx, street.id);
    await tx
      .insertInto('grid_agency_settings')
      .values({ street_id: street.id, document_retention_days: body.documentRetentionDays, updated_at: ctx.kernel.clock.now(), updated_by: accountOf(ctx) })
      .onConflict((oc) => oc.column('street_id').doUpdateSet({ document_retention_days: body.documentRetentionDays, updated_at: ctx.kernel.clock.now(), updated_by: accountOf(ctx) }))
      .execute();
    await audit(tx, ctx, { action: 'grid.agency.settings_saved', placeId: street.id, subjectType: 'street', subjectId: street.id, detail: { documentRetentionDays: { before, after: body.documentRetentionDays } } });
    return { streetId: street.id, documentRetentionDays: body.documentRetentionDays };
  });
}
