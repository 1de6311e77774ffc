import { type PersonalDataSource, shanghaiTime } from '../../kernel/privacy/personal-data.ts';
import { read } from './surveys.db.ts';

/**
 * The surveys' part of "my data": the surveys I answered and when; for a named survey, what I answered
 * (an anonymous one keeps no link from me to my answer, so there is nothing of it to show or erase).
 */
export const surveysPersonalData: PersonalDataSource = {
  async sheets(ctx) {
    const db = read(ctx.kernel);
    const taken = await db
      .selectFrom('srv_participations as p')
      .innerJoin('srv_surveys as s', (j) => j.onRef('s.street_id', '=', 'p.street_id').onRef('s.id', '=', 'p.survey_id'))
      .select(['s.title', 's.anonymous', 'p.answered_at'])
      .where('p.account_id', '=', ctx.actor.accountId)
      .orderBy('p.answered_at')
      .execute();
    const answers = await db
      .selectFrom('srv_responses as r')
      .innerJoin('srv_surveys as s', (j) => j.onRef('s.street_id', '=', 'r.street_id').onRef('s.id', '=', 'r.survey_id'))
      .innerJoin('srv_answers as a', (j) => j.onRef('a.street_id', '=', 'r.street_id').onRef('a.response_id', '=', 'r.id'))
      .innerJoin('srv_questions as q', (j) => j.onRef('q.street_id', '=', 's.street_id').onRef('q.survey_id', '=', 's.id').onRef('q.no', '=', 'a.question_no'))
      .select(['s.title', 'q.no', 'q.prompt', 'q.options', 'a.choices', 'a.scale', 'a.text', 'r.submitted_at'])
      .where('r.account_id', '=', ctx.actor.accountId)
      .orderBy('r.submitted_at')
      .orderBy('q.no')
      .execute();
    const shown = (a: (typeof answers)[number]) => {
      const options = (typeof a.options === 'string' ? JSON.parse(a.options) : a.options) as string[];
      return a.choices ? a.choices.map((c) => options[c]).join('；') : (a.scale ?? a.text ?? '');
    };
    return [
      {
        sheet: { zh: '问卷参与', en: 'Surveys answered' },
        columns: [
          { zh: '问卷', en: 'Survey' },
          { zh: '匿名', en: 'Anonymous' },
          { zh: '填写时间', en: 'Answered' },
        ],
        rows: taken.map((t) => [t.title, t.anonymous ? '是' : '否', shanghaiTime(t.answered_at)]),
      },
      {
        sheet: { zh: '问卷回答（实名）', en: 'Survey answers (named)' },
        columns: [
          { zh: '问卷', en: 'Survey' },
          { zh: '题号', en: 'No.' },
          { zh: '题目', en: 'Question' },
          { zh: '回答', en: 'Answer' },
          { zh: '填写时间', en: 'Answered' },
        ],
        rows: answers.map((a) => [a.title, a.no, a.prompt, shown(a), shanghaiTime(a.submitted_at)]),
      },
    ];
  },
  // A closed account's named answers stay in the counts, as if anonymous: no account, room or instant.
  async erase(tx, ctx) {
    await read(tx).updateTable('srv_responses').set({ account_id: null, room_id: null, submitted_at: null }).where('account_id', '=', ctx.actor.accountId).execute();
  },
};
