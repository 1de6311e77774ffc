import { pathLabel } from '../../kernel/access/places.ts';
import type { Ctx } from '../../kernel/context.ts';
import { type PersonalDataSource, shanghaiTime } from '../../kernel/privacy/personal-data.ts';
import { CLOSED_ACCOUNT_NAME } from '../../kernel/privacy/close-account.ts';
import { read } from './repairs.db.ts';

/**
 * The repair orders that are the signed-in person's: for them (an official may have taken it down by
 * phone), or reported by them for nobody in the register. An order a staff member reported for someone
 * else is that person's, not the staff member's. The contact phone stays masked: it may be a relative's.
 */
async function myOrders(ctx: Ctx) {
  const { accountId, personId } = ctx.actor;
  return read(ctx.kernel)
    .selectFrom('rep_orders')
    .innerJoin('street_places as p', (j) => j.onRef('p.street_id', '=', 'rep_orders.street_id').onRef('p.id', '=', 'rep_orders.place_id'))
    .select([
      'rep_orders.id',
      'rep_orders.no',
      'rep_orders.category',
      'rep_orders.description',
      'rep_orders.status',
      'rep_orders.contact_name',
      'rep_orders.contact_phone_masked',
      'rep_orders.reported_at',
      'rep_orders.finished_at',
      pathLabel('p.path', ['compound', 'building', 'unit', 'room']).as('place'),
    ])
    .where((eb) =>
      eb.or([
        ...(personId ? [eb('rep_orders.resident_person_id', '=', personId)] : []),
        eb.and([eb('rep_orders.reported_by', '=', accountId), eb('rep_orders.resident_person_id', 'is', null)]),
      ]),
    )
    .orderBy('rep_orders.reported_at')
    .execute();
}

/** The repairs' part of "my data", and the audited reads of my orders' contact phone. */
export const repairsPersonalData: PersonalDataSource = {
  async sheets(ctx) {
    const orders = await myOrders(ctx);
    return [
      {
        sheet: { zh: '报修', en: 'Repair orders' },
        columns: [
          { zh: '单号', en: 'No.' },
          { zh: '位置', en: 'Place' },
          { zh: '类别', en: 'Category' },
          { zh: '描述', en: 'Description' },
          { zh: '状态', en: 'Status' },
          { zh: '联系人', en: 'Contact' },
          { zh: '联系电话', en: 'Contact phone' },
          { zh: '报修时间', en: 'Reported' },
          { zh: '完成时间', en: 'Finished' },
        ],
        rows: orders.map((o) => [o.no, o.place, o.category, o.description, o.status, o.contact_name, o.contact_phone_masked, shanghaiTime(o.reported_at), shanghaiTime(o.finished_at)]),
      },
    ];
  },
  async reveals(ctx) {
    return [{ action: 'repairs.order.contact_read', subjectType: 'repair_order', subjectIds: (await myOrders(ctx)).map((o) => o.id) }];
  },
  // Orders stay (the company's work record, payouts), without the contact's phone and name.
  async erase(tx, ctx) {
    const ids = (await myOrders(ctx)).map((o) => o.id);
    if (ids.length === 0) return;
    await read(tx)
      .updateTable('rep_orders')
      .set({ contact_name: null, contact_phone_enc: null, contact_phone_masked: null })
      .where('id', 'in', ids)
      .execute();
    await read(tx).updateTable('rep_orders').set({ reporter_name: CLOSED_ACCOUNT_NAME }).where('reported_by', '=', ctx.actor.accountId).execute();
  },
};
