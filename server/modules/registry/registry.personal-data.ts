import { pathLabel } from '../../kernel/access/places.ts';
import type { Ctx } from '../../kernel/context.ts';
import type { PersonalDataSource } from '../../kernel/privacy/personal-data.ts';
import { read } from './registry.db.ts';

const ROOM_KINDS = ['compound', 'building', 'unit', 'room'] as const;

/**
 * The registry's part of "my data": the signed-in person's own record (their phone and ID number in
 * full: it is their own) and their households; "who looked" is every audited read of that record's
 * full phone and ID number.
 */
export const registryPersonalData: PersonalDataSource = {
  async sheets(ctx: Ctx) {
    const personId = ctx.actor.personId;
    if (!personId) return [];
    const db = read(ctx.kernel);
    const person = await db.selectFrom('reg_persons').selectAll().where('id', '=', personId).executeTakeFirst();
    if (!person) return [];
    const households = await db
      .selectFrom('reg_households')
      .innerJoin('street_places as room', (j) => j.onRef('room.street_id', '=', 'reg_households.street_id').onRef('room.id', '=', 'reg_households.room_id'))
      .select(['reg_households.relation', 'reg_households.share_bp', 'reg_households.start_date', 'reg_households.end_date', pathLabel('room.path', [...ROOM_KINDS]).as('room')])
      .where('reg_households.street_id', '=', person.street_id)
      .where('reg_households.person_id', '=', personId)
      .orderBy('reg_households.created_at')
      .execute();
    const decrypt = (v: string | null) => (v ? ctx.kernel.pii.decrypt(v) : null);
    return [
      {
        sheet: { zh: '个人登记信息', en: 'Person record' },
        columns: [
          { zh: '姓名', en: 'Name' },
          { zh: '手机号', en: 'Phone' },
          { zh: '身份证号', en: 'ID number' },
          { zh: '标签', en: 'Tags' },
        ],
        rows: [[person.name, decrypt(person.phone_enc), decrypt(person.id_number_enc), person.tags.join(', ')]],
      },
      {
        sheet: { zh: '房屋与住户关系', en: 'Households' },
        columns: [
          { zh: '房屋', en: 'Room' },
          { zh: '关系', en: 'Relation' },
          { zh: '产权份额（万分比）', en: 'Share (basis points)' },
          { zh: '开始日期', en: 'From' },
          { zh: '结束日期', en: 'To' },
        ],
        rows: households.map((h) => [h.room, h.relation, h.share_bp, h.start_date, h.end_date]),
      },
    ];
  },
  async reveals(ctx: Ctx) {
    return ctx.actor.personId ? [{ action: 'registry.person.pii_read', subjectType: 'person', subjectIds: [ctx.actor.personId] }] : [];
  },
};
