import { findPlace, isSystem, streetOf } from '../../../kernel/access/index.ts';
import { audit, type Ctx } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/ids.ts';
import { isValidIdNumber, isValidMobile, maskIdNumber, maskPhone, normalise } from '../../../kernel/pii/pii.ts';
import { currentMembersOfRoom } from '../../registry/index.ts';
import { GRID_ROLES } from '../grid.constants.ts';
import { CollectionErrors } from '../grid.collection.errors.ts';
import type { RecordBody } from '../grid.collection.schemas.ts';
import { write } from '../grid.db.ts';
import { GridErrors } from '../grid.errors.ts';
import type { GridRecordsTable } from '../grid.tables.ts';
import { can } from '../../../kernel/access/index.ts';
import { checkFiles, storeFiles, type Upload, withFiles } from './files.ts';
import { compoundOf, submitterAt } from './collection-access.ts';
import type { Insertable } from 'kysely';

const need = (value: unknown, field: string, fieldEn: string) => {
  if (value === undefined || value === null || value === '') throw CollectionErrors.COLLECTION_FIELD_REQUIRED({ field, fieldEn });
};

/**
 * Submits a collected record (四个实有) at a place the actor may collect in: a grid worker within their grid;
 * property staff only in a compound their company is commissioned for today (COLLECTION_NOT_COMMISSIONED
 * otherwise). Residents' records are at a room; legal persons and components at a compound or building. The ID
 * number and phone are stored encrypted, with a masked form for display. A component may carry photos. Audited.
 */
export async function submitRecord(ctx: Ctx, body: RecordBody, uploads: readonly Upload[] = []): Promise<{ id: string; status: 'submitted' }> {
  const files = checkFiles(uploads);
  return withFiles(ctx, (written) =>
    write(ctx, async (tx) => {
      const place = await findPlace(tx, body.placeId);
      if (!place || !place.street_id || !can(ctx.actor, GRID_ROLES.collectionSubmit, place.path)) throw GridErrors.PLACE_NOT_FOUND();
      const resident = body.kind === 'resident_arrival' || body.kind === 'resident_departure';
      if (resident && place.kind !== 'room') throw CollectionErrors.COLLECTION_PLACE_KIND({ what: '人员信息的地点', whatEn: "A resident record's place", kinds: '房屋', kindsEn: 'a room' });
      if (!resident && place.kind !== 'compound' && place.kind !== 'building') {
        throw CollectionErrors.COLLECTION_PLACE_KIND({ what: '法人和部件的地点', whatEn: "A legal person's or component's place", kinds: '小区或楼栋', kindsEn: 'a compound or a building' });
      }
      const compound = await compoundOf(tx, place);
      if (!compound) throw GridErrors.PLACE_NOT_FOUND();
      const submitter = await submitterAt(tx, ctx, place, compound);
      const streetId = streetOf(place);
      const id = newId();
      const now = ctx.kernel.clock.now();
      const row: Insertable<GridRecordsTable> = {
        street_id: streetId,
        id,
        kind: body.kind,
        place_id: place.id,
        compound_id: compound.id,
        company_id: submitter.companyId,
        company_name: submitter.companyName,
        submitted_by: isSystem(ctx.actor) ? null : ctx.actor.accountId,
        submitted_by_name: ctx.actor.name,
        submitted_at: now,
        note: body.note ?? '',
      };
      if (body.kind === 'resident_arrival') {
        need(body.name, '姓名', 'name');
        need(body.relation, '关系', 'relation');
        need(body.date, '入住日期', 'arrival date');
        const phone = body.phone ? normalise(body.phone) : null;
        if (phone && !isValidMobile(phone)) throw CollectionErrors.COLLECTION_FIELD_REQUIRED({ field: '正确的手机号', fieldEn: 'valid mobile number' });
        const idNumber = body.idNumber ? normalise(body.idNumber).toUpperCase() : null;
        if (idNumber && !isValidIdNumber(idNumber)) throw CollectionErrors.COLLECTION_FIELD_REQUIRED({ field: '正确的身份证号', fieldEn: 'valid ID number' });
        if ((body.relation === 'owner' || body.relation === 'co_owner') && !body.shareBp) need(undefined, '产权份额', 'ownership share');
        Object.assign(row, {
          person_name: body.name,
          phone_enc: phone ? ctx.kernel.pii.encrypt(phone) : null,
          phone_masked: phone ? maskPhone(phone) : null,
          id_number_enc: idNumber ? ctx.kernel.pii.encrypt(idNumber) : null,
          id_number_hash: idNumber ? ctx.kernel.pii.hash(idNumber) : null,
          id_number_masked: idNumber ? maskIdNumber(idNumber) : null,
          relation: body.relation,
          share_bp: body.relation === 'owner' || body.relation === 'co_owner' ? body.shareBp : null,
          event_date: body.date,
        });
        if (body.relation === 'tenant') {
          // 出租登记: the landlord is one of the room's current members, or a name; the contract's period.
          need(body.contractStart, '租期开始', 'contract start');
          need(body.contractEnd, '租期结束', 'contract end');
          if (body.contractEnd! < body.contractStart!) throw CollectionErrors.COLLECTION_DATES();
          let landlordName = body.landlordName ?? null;
          if (body.landlordPersonId) {
            const member = (await currentMembersOfRoom(tx, place.id)).find((m) => m.personId === body.landlordPersonId);
            if (!member) throw CollectionErrors.COLLECTION_PERSON_NOT_HERE();
            landlordName = member.name;
          }
          Object.assign(row, { landlord_person_id: body.landlordPersonId ?? null, landlord_name: landlordName, contract_start: body.contractStart, contract_end: body.contractEnd });
        }
      } else if (body.kind === 'resident_departure') {
        need(body.personId, '迁出人员', 'person leaving');
        need(body.date, '迁出日期', 'leaving date');
        const member = (await currentMembersOfRoom(tx, place.id)).find((m) => m.personId === body.personId);
        if (!member) throw CollectionErrors.COLLECTION_PERSON_NOT_HERE();
        Object.assign(row, { person_id: member.personId, person_name: member.name, id_number_masked: member.idNumberMasked, event_date: body.date });
      } else if (body.kind === 'legal_person') {
        need(body.name, '名称', 'name');
        need(body.legalKind, '类型', 'kind');
        Object.assign(row, { subject_name: body.name, credit_code: body.creditCode ?? null, legal_kind: body.legalKind, contact: body.contact ?? '', location: body.location ?? '' });
      } else {
        need(body.componentKind, '部件类型', 'component kind');
        need(body.condition, '状况', 'condition');
        if (body.componentId) {
          const existing = await tx.selectFrom('grid_components').select(['id', 'kind']).where('street_id', '=', streetId).where('id', '=', body.componentId).where('place_id', '=', place.id).executeTakeFirst();
          if (!existing) throw CollectionErrors.COLLECTION_COMPONENT_NOT_FOUND();
        }
        Object.assign(row, { component_kind: body.componentKind, condition: body.condition, location: body.location ?? '', component_id: body.componentId ?? null });
      }
      await tx.insertInto('grid_records').values(row).execute();
      const photos = await storeFiles(tx, ctx, { streetId, type: 'record', id, placeId: place.id }, files, written);
      await audit(tx, ctx, {
        action: 'grid.collection.submitted',
        placeId: place.id,
        subjectType: 'grid_record',
        subjectId: id,
        // No ID number or phone in the audit: the masked forms are on the record.
        detail: { kind: body.kind, company: submitter.companyName, relation: body.relation ?? null, photos: photos.length },
      });
      return { id, status: 'submitted' as const };
    }),
  );
}
