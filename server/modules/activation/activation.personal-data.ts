import { pathLabel } from '../../kernel/access/places.ts';
import { type PersonalDataSource, shanghaiTime } from '../../kernel/privacy/personal-data.ts';
import { CLOSED_ACCOUNT_NAME } from '../../kernel/privacy/close-account.ts';
import { read } from './activation.db.ts';

/** The activation's part of "my data": the rooms the signed-in person claimed, how and with what outcome. */
export const activationPersonalData: PersonalDataSource = {
  async sheets(ctx) {
    const rows = await read(ctx.kernel)
      .selectFrom('act_claims')
      .innerJoin('street_places as room', (j) => j.onRef('room.street_id', '=', 'act_claims.street_id').onRef('room.id', '=', 'act_claims.place_id'))
      .select([
        pathLabel('room.path', ['compound', 'building', 'unit', 'room']).as('room'),
        'act_claims.method',
        'act_claims.claimed_name',
        'act_claims.status',
        'act_claims.reason',
        'act_claims.created_at',
        'act_claims.decided_at',
        'act_claims.decision_note',
      ])
      .where('act_claims.account_id', '=', ctx.actor.accountId)
      .orderBy('act_claims.created_at')
      .execute();
    return [
      {
        sheet: { zh: '房屋认证申请', en: 'Room claims' },
        columns: [
          { zh: '房屋', en: 'Room' },
          { zh: '方式', en: 'Method' },
          { zh: '填写的姓名', en: 'Name given' },
          { zh: '状态', en: 'Status' },
          { zh: '原因', en: 'Reason' },
          { zh: '提交时间', en: 'Filed' },
          { zh: '处理时间', en: 'Decided' },
          { zh: '处理说明', en: 'Decision note' },
        ],
        rows: rows.map((c) => [c.room, c.method, c.claimed_name, c.status, c.reason, shanghaiTime(c.created_at), shanghaiTime(c.decided_at), c.decision_note]),
      },
    ];
  },
  // Claims stay as the record of who was let into which room; the name typed and the ID digits go.
  async erase(tx, ctx) {
    await read(tx)
      .updateTable('act_claims')
      .set({ claimed_name: CLOSED_ACCOUNT_NAME, id_last4: null })
      .where('account_id', '=', ctx.actor.accountId)
      .execute();
  },
};
