import { chinaDay } from '../../../kernel/clock.ts';
import { audit, type Ctx } from '../../../kernel/context.ts';
import { write } from '../grid.db.ts';
import { MediationErrors } from '../grid.mediation.errors.ts';
import type { SignBody } from '../grid.mediation.schemas.ts';
import { addStep, caseToAct, todayOf } from './mediation-access.ts';
import { checkFiles, storeFiles, type Upload, withFiles } from './files.ts';

/**
 * The signed agreement's scan (a PDF or photos) uploaded by an assigned mediator or the manager, with the day it was
 * signed (not before the agreement, not after today): stored as the case's documents; the signing day starts the
 * 30 days for court confirmation. Audited.
 */
export async function uploadSigned(ctx: Ctx, id: string, body: SignBody, uploads: readonly Upload[]): Promise<{ id: string; signedOn: string; files: string[] }> {
  const files = checkFiles(uploads, { required: true, documents: true });
  return withFiles(ctx, (written) =>
    write(ctx, async (tx) => {
      const { kase } = await caseToAct(tx, ctx, id, 'either', ['agreed'], { zh: '上传签字协议', en: 'given its signed agreement' });
      if (!kase.agreed_at || body.signedOn < chinaDay(kase.agreed_at) || body.signedOn > todayOf(ctx)) throw MediationErrors.MEDIATION_SIGNED_DAY_INVALID();
      const ids = await storeFiles(tx, ctx, { streetId: kase.streetId, type: 'mediation', id, placeId: kase.placeId }, files, written, { kind: 'document', label: '调解协议书（签字）' });
      await tx.updateTable('grid_mediation_cases').set({ signed_on: body.signedOn, updated_at: ctx.kernel.clock.now() }).where('street_id', '=', kase.streetId).where('id', '=', id).execute();
      await addStep(tx, ctx, kase, 'signed', body.signedOn);
      await audit(tx, ctx, { action: 'grid.mediation.signed_uploaded', placeId: kase.placeId, subjectType: 'grid_mediation_case', subjectId: id, detail: { no: kase.no, signedOn: body.signedOn, files: ids.length } });
      return { id, signedOn: body.signedOn, files: ids };
    }),
  );
}
