import { audit, type Ctx } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/ids.ts';
import { isValidIdNumber, isValidMobile, maskIdNumber, maskPhone, normalise } from '../../../kernel/pii/pii.ts';
import { personContact, roomHoldersUnder } from '../../registry/index.ts';
import { AgencyErrors } from '../grid.agency.errors.ts';
import type { OpenCaseBody } from '../grid.agency.schemas.ts';
import { write } from '../grid.db.ts';
import { checkFiles, storeFiles, type Upload, withFiles } from './files.ts';
import { accountOf, addDays, addStep, staffedPoint, tellApplicant, todayOf } from './agency-access.ts';

/**
 * Staff of a point open a case for a resident: the service must be one the point accepts (and active); the applicant
 * is a current owner or tenant of the point's compound, or someone not in the registry given by name and mobile; the
 * ID number is stored encrypted and shown masked; the documents (ID copies, forms: images or PDF) are stored with
 * their labels. Due = today (China) + the service's time limit. The applicant is told; audited.
 */
export async function openCase(ctx: Ctx, body: OpenCaseBody, uploads: readonly Upload[]): Promise<{ id: string; no: string; dueOn: string }> {
  const files = checkFiles(uploads, { documents: true });
  return withFiles(ctx, (written) =>
    write(ctx, async (tx) => {
      const point = await staffedPoint(tx, ctx, body.pointId);
      const service = await tx
        .selectFrom('grid_agency_services as s')
        .innerJoin('grid_agency_point_services as ps', (j) => j.onRef('ps.street_id', '=', 's.street_id').onRef('ps.service_id', '=', 's.id'))
        .select(['s.id', 's.name', 's.time_limit_days as timeLimitDays', 's.documents', 's.active'])
        .where('s.street_id', '=', point.streetId)
        .where('ps.point_id', '=', point.id)
        .where('s.id', '=', body.serviceId)
        .executeTakeFirst();
      if (!service || !service.active || !point.active) throw AgencyErrors.AGENCY_SERVICE_NOT_OFFERED();

      let applicant: { personId: string | null; name: string; phoneEnc: string | null; phoneMasked: string | null };
      if (body.personId) {
        const holders = await roomHoldersUnder(tx, point.compoundPath, 10_000);
        if (!holders.some((h) => h.personId === body.personId)) throw AgencyErrors.AGENCY_APPLICANT_NOT_RESIDENT();
        const contact = await personContact(tx, body.personId);
        if (!contact) throw AgencyErrors.AGENCY_APPLICANT_NOT_RESIDENT();
        applicant = { personId: body.personId, name: contact.name, phoneEnc: contact.phoneEnc, phoneMasked: contact.phoneMasked };
      } else {
        if (!body.name || !body.phone) throw AgencyErrors.AGENCY_APPLICANT_REQUIRED();
        if (!isValidMobile(body.phone)) throw AgencyErrors.AGENCY_PHONE_INVALID();
        const phone = normalise(body.phone);
        applicant = { personId: null, name: body.name, phoneEnc: ctx.kernel.pii.encrypt(phone), phoneMasked: maskPhone(phone) };
      }
      let idNumber: string | null = null;
      if (body.idNumber) {
        idNumber = normalise(body.idNumber);
        if (!isValidIdNumber(idNumber)) throw AgencyErrors.AGENCY_ID_NUMBER_INVALID();
      }

      const now = ctx.kernel.clock.now();
      const today = todayOf(ctx);
      const dueOn = addDays(today, service.timeLimitDays);
      const id = newId();
      const no = `DB${today.replaceAll('-', '')}-${id.slice(-6).toUpperCase()}`;
      await tx
        .insertInto('grid_agency_cases')
        .values({
          street_id: point.streetId,
          id,
          no,
          point_id: point.id,
          compound_id: point.compoundId,
          service_id: service.id,
          service_name: service.name,
          applicant_person_id: applicant.personId,
          applicant_name: applicant.name,
          applicant_phone_enc: applicant.phoneEnc,
          applicant_phone_masked: applicant.phoneMasked,
          id_number_enc: idNumber ? ctx.kernel.pii.encrypt(idNumber) : null,
          id_number_masked: idNumber ? maskIdNumber(idNumber) : null,
          status: 'accepted',
          outcome: null,
          refusal_reason: null,
          accepted_at: now,
          accepted_by: accountOf(ctx),
          due_on: dueOn,
          sent_at: null,
          result_at: null,
          handed_over_on: null,
          handover: null,
          completed_at: null,
          on_time: null,
          pay_fen: null,
          withdrawn_at: null,
          withdraw_reason: null,
          documents_purged_at: null,
        })
        .execute();
      // Each file its label: the i-th line of `labels`, else the service's i-th document, else the file's name.
      const labels = (body.labels ?? '').split('\n').map((l) => l.trim());
      for (const [i, f] of files.entries()) {
        const label = (labels[i] || service.documents[i] || f.filename).slice(0, 60);
        await storeFiles(tx, ctx, { streetId: point.streetId, type: 'case', id, placeId: point.compoundId }, [f], written, { kind: 'document', label });
      }
      await addStep(tx, ctx, { streetId: point.streetId, id }, 'accepted', body.note);
      await tellApplicant(tx, ctx, { id, applicantPersonId: applicant.personId, compoundId: point.compoundId, serviceName: service.name }, 'grid.agency.accepted', { point: point.name, due: dueOn });
      await audit(tx, ctx, {
        action: 'grid.agency.case_opened',
        placeId: point.compoundId,
        subjectType: 'grid_agency_case',
        subjectId: id,
        detail: { no, point: point.name, service: service.name, applicantInRegistry: !!applicant.personId, documents: files.length, dueOn },
      });
      return { id, no, dueOn };
    }),
  );
}
