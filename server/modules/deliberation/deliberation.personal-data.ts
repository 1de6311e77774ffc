import { CLOSED_ACCOUNT_NAME } from '../../kernel/privacy/close-account.ts';
import { type PersonalDataSource, shanghaiTime } from '../../kernel/privacy/personal-data.ts';
import { read } from './deliberation.db.ts';

/** Deliberation's part of "my data": the items my household supported through me, and those I proposed. */
export const deliberationPersonalData: PersonalDataSource = {
  async sheets(ctx) {
    const db = read(ctx.kernel);
    const rows = await db
      .selectFrom('dlb_supporters as s')
      .innerJoin('dlb_items as i', (j) => j.onRef('i.street_id', '=', 's.street_id').onRef('i.id', '=', 's.item_id'))
      .select(['i.code', 'i.title', 'i.stage', 's.via', 's.created_at', 'i.created_by'])
      .where('s.account_id', '=', ctx.actor.accountId)
      .orderBy('s.created_at')
      .execute();
    return [
      {
        sheet: { zh: '议事协商', en: 'Deliberation' },
        columns: [
          { zh: '议题编号', en: 'Item' },
          { zh: '标题', en: 'Title' },
          { zh: '阶段', en: 'Stage' },
          { zh: '方式', en: 'How' },
          { zh: '由我提议', en: 'Proposed by me' },
          { zh: '时间', en: 'When' },
        ],
        rows: rows.map((r) => [r.code, r.title, r.stage, r.via, r.created_by === ctx.actor.accountId ? '是' : '', shanghaiTime(r.created_at)]),
      },
    ];
  },
  // Supports stay (a household's support counts whoever gave it), no longer tied to the account; the timeline
  // keeps its steps under no name.
  async erase(tx, ctx) {
    const db = read(tx);
    await db.updateTable('dlb_supporters').set({ account_id: null }).where('account_id', '=', ctx.actor.accountId).execute();
    await db.updateTable('dlb_events').set({ actor_name: CLOSED_ACCOUNT_NAME }).where('actor_id', '=', ctx.actor.accountId).execute();
  },
};
