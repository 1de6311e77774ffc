import { ancestorOfKind, findPlace, streetOf } from '../../../kernel/access/index.ts';
import { type Ctx } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { newId } from '../../../kernel/ids.ts';
import { compoundServices } from '../../registry/index.ts';
import { write } from '../supervision.db.ts';
import { SupervisionErrors } from '../supervision.errors.ts';
import { allows } from '../supervision.policy.ts';
import { noticeNo } from '../supervision.rectification.constants.ts';
import { RectificationErrors } from '../supervision.rectification.errors.ts';
import { inspectionFinding, loadNotice, nextNoticeSeq } from '../supervision.rectification.repository.ts';
import type { IssueNoticeFields } from '../supervision.rectification.schemas.ts';
import { checkDeadline, chinaYear } from './notice-deadline.ts';
import { checkEvidence, issuerGrants, recordNoticeChange, storeEvidence, type Upload, withEvidence } from './notice-access.ts';

const IN_COMPOUND = ['compound', 'building', 'unit', 'room'];

/**
 * An official (street, community or 物委会) issues a rectification notice to the property company of the compound
 * the place is in: numbered per street and year, at the level of the issuer's widest grant covering the place. From
 * an inspection finding, the finding's photos are the notice's evidence too (the same stored files, referenced).
 */
export async function issueNotice(ctx: Ctx, input: IssueNoticeFields, uploads: Upload[]): Promise<{ id: string; no: string }> {
  const files = checkEvidence(uploads);
  return withEvidence(ctx, (written) =>
    write(ctx, async (tx) => {
      const place = await findPlace(tx, input.placeId);
      if (!place || !place.street_id || !allows(ctx.actor, 'noticesRead', place.path)) throw SupervisionErrors.PLACE_NOT_FOUND();
      const grants = await issuerGrants(tx, ctx.actor, place.path);
      const grant = grants[0];
      if (!grant) throw CommonErrors.FORBIDDEN();
      if (!IN_COMPOUND.includes(place.kind)) throw RectificationErrors.PLACE_NOT_IN_COMPOUND();
      const compound = place.kind === 'compound' ? place : await ancestorOfKind(tx, place, 'compound');
      if (!compound) throw RectificationErrors.PLACE_NOT_IN_COMPOUND();
      const finding = input.inspectionId && input.indicatorId ? await inspectionFinding(tx, input.inspectionId, input.indicatorId) : undefined;
      if (input.inspectionId && (!finding || !place.path.startsWith(finding.place_path))) throw RectificationErrors.SOURCE_NOT_FOUND();
      const now = ctx.kernel.clock.now();
      const { deadline, dueAt } = checkDeadline(input.deadline, now);
      const company = (await compoundServices(tx, compound.id)).propertyCompany;
      if (!company) throw RectificationErrors.NO_COMPANY();
      const streetId = streetOf(place);
      const year = chinaYear(now);
      const seq = await nextNoticeSeq(tx, streetId, year);
      const id = newId();
      await tx
        .insertInto('sup_notices')
        .values({
          street_id: streetId,
          id,
          year,
          seq,
          no: noticeNo(year, seq),
          place_id: place.id,
          compound_id: compound.id,
          company_id: company.id,
          company_name: company.name,
          issuer_id: ctx.actor.accountId,
          issuer_name: ctx.actor.name,
          issuer_level: grant.level,
          issuer_place_id: grant.placeId,
          issuer_org: grant.org,
          title: input.title,
          description: input.description,
          status: 'issued',
          deadline,
          due_at: dueAt,
          source_inspection_id: finding?.inspection_id ?? null,
          source_indicator_id: finding?.indicator_id ?? null,
          issued_at: now,
          updated_at: now,
        })
        .execute();
      for (const f of finding?.files ?? []) {
        await tx
          .insertInto('sup_notice_files')
          .values({
            street_id: streetId,
            id: newId(),
            notice_id: id,
            round: 1,
            stage: 'issue',
            kind: f.kind,
            file_key: f.file_key,
            file_name: f.file_name,
            mime: f.mime,
            size_bytes: f.size_bytes,
            source_file_id: f.id,
            uploaded_by: ctx.actor.accountId,
            uploaded_at: now,
          })
          .execute();
      }
      await storeEvidence(tx, ctx, { streetId, noticeId: id, round: 1, stage: 'issue', at: now }, files, written);
      const notice = (await loadNotice(tx, id))!;
      await recordNoticeChange(tx, ctx, notice, now, 'issued', {
        detail: {
          level: grant.level,
          files: files.length + (finding?.files.length ?? 0),
          ...(finding ? { inspectionId: finding.inspection_id, indicatorId: finding.indicator_id } : {}),
        },
      });
      return { id, no: notice.no };
    }),
  );
}
