import { audit, type Ctx } from '../../../kernel/context.ts';
import { write } from '../party.db.ts';
import { ReportingErrors } from '../party.reporting.errors.ts';
import type { ServiceDeleteBody } from '../party.reporting.schemas.ts';
import { managedCommunity } from './reporting-access.ts';

/** Correcting a service record: the community deletes it with a reason (the audit keeps what it said), then records again. */
export async function deleteService(ctx: Ctx, id: string, input: ServiceDeleteBody) {
  return write(ctx, async (tx) => {
    const row = await tx
      .selectFrom('pty_services as s')
      .innerJoin('pty_member_claims as mc', (j) => j.onRef('mc.street_id', '=', 's.street_id').onRef('mc.id', '=', 's.claim_id'))
      .innerJoin('pty_projects as p', (j) => j.onRef('p.street_id', '=', 'mc.street_id').onRef('p.id', '=', 'mc.project_id'))
      .select(['s.street_id', 's.id', 's.member_id', 's.claim_id', 's.served_on', 's.minutes', 's.points', 's.note', 'p.community_id'])
      .where('s.id', '=', id)
      .forUpdate('s')
      .executeTakeFirst();
    if (!row) throw ReportingErrors.SERVICE_NOT_FOUND();
    const community = await managedCommunity(tx, ctx, row.community_id, ReportingErrors.SERVICE_NOT_FOUND);
    await tx.deleteFrom('pty_services').where('street_id', '=', row.street_id).where('id', '=', id).execute();
    await audit(tx, ctx, {
      action: 'party.reporting.service_deleted',
      placeId: community.id,
      subjectType: 'pty_service',
      subjectId: id,
      before: { memberId: row.member_id, claimId: row.claim_id, servedOn: row.served_on, minutes: row.minutes, points: row.points, note: row.note },
      after: { reason: input.reason },
    });
    return { id, deleted: true };
  });
}
