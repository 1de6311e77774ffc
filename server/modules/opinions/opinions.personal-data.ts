import { type PersonalDataSource, shanghaiTime } from '../../kernel/privacy/personal-data.ts';
import { CLOSED_ACCOUNT_NAME } from '../../kernel/privacy/close-account.ts';
import { read } from './opinions.db.ts';

/** The opinions' part of "my data": what the signed-in person posted, with the answers and their ratings. */
export const opinionsPersonalData: PersonalDataSource = {
  async sheets(ctx) {
    const rows = await read(ctx.kernel)
      .selectFrom('op_opinions')
      .select(['kind', 'title', 'body', 'visibility', 'addressee', 'status', 'answer', 'rating', 'rating_comment', 'created_at'])
      .where('author_account_id', '=', ctx.actor.accountId)
      .orderBy('created_at')
      .execute();
    return [
      {
        sheet: { zh: '意见建议', en: 'Opinions' },
        columns: [
          { zh: '类型', en: 'Kind' },
          { zh: '标题', en: 'Title' },
          { zh: '内容', en: 'Text' },
          { zh: '公开范围', en: 'Visibility' },
          { zh: '提交给', en: 'Addressed to' },
          { zh: '状态', en: 'Status' },
          { zh: '答复', en: 'Answer' },
          { zh: '评价', en: 'Rating' },
          { zh: '评价说明', en: 'Rating comment' },
          { zh: '提交时间', en: 'Posted' },
        ],
        rows: rows.map((o) => [o.kind, o.title, o.body, o.visibility, o.addressee, o.status, o.answer, o.rating, o.rating_comment, shanghaiTime(o.created_at)]),
      },
    ];
  },
  // Posts stay (answers and me-toos hang on them), under no name.
  async erase(tx, ctx) {
    await read(tx).updateTable('op_opinions').set({ author_name: CLOSED_ACCOUNT_NAME }).where('author_account_id', '=', ctx.actor.accountId).execute();
  },
};
