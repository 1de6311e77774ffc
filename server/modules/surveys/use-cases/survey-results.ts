import { sql } from 'kysely';
import { maskName } from '../../../kernel/pii/pii.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { offsetOf, type PageQuery } from '../../../kernel/pagination.ts';
import { surveyEligibleCount } from '../../registry/index.ts';
import { shareTenths } from '../surveys.constants.ts';
import { type Executor, read } from '../surveys.db.ts';
import { type Question, questionsOf, type SurveyRow } from '../surveys.repository.ts';
import type { TextsQuery } from '../surveys.schemas.ts';
import { surveyFor } from './survey-access.ts';

/**
 * A survey's results, counted in SQL from the stored answers: per question how many answered it, each
 * option's count and share (tenths of a percent from integer parts; a multiple-choice question's shares are
 * of those who answered it and may add up past 100 %), a scale's distribution and its mean as
 * numerator / denominator, and how many texts there are (read page by page with `surveyTexts`).
 * Participation: responses / those asked now (households or accounts, as the survey counts answers).
 */
export async function surveyResults(db: Executor, s: SurveyRow, opts: { texts: boolean }) {
  const questions = await questionsOf(db, s);
  const where = (qb: ReturnType<typeof answers>) => qb.where('a.street_id', '=', s.street_id).where('a.survey_id', '=', s.id);
  const answers = () => db.selectFrom('srv_answers as a');
  const [answered, choices, scales, eligible] = await Promise.all([
    where(answers())
      .select(['a.question_no as no', sql<number>`count(*)::int`.as('n'), sql<number>`count(a.text)::int`.as('texts')])
      .groupBy('a.question_no')
      .execute(),
    sql<{ no: number; choice: number; n: number }>`select a.question_no as no, c.choice, count(*)::int as n
      from srv_answers a cross join lateral unnest(a.choices) as c(choice)
      where a.street_id = ${s.street_id} and a.survey_id = ${s.id} group by 1, 2`.execute(db),
    where(answers())
      .where('a.scale', 'is not', null)
      .select(['a.question_no as no', 'a.scale as value', sql<number>`count(*)::int`.as('n')])
      .groupBy(['a.question_no', 'a.scale'])
      .execute(),
    surveyEligibleCount(db, s.place_path, { ownersOnly: s.audience === 'owners', per: s.answer_per }),
  ]);
  const answeredOf = new Map(answered.map((r) => [r.no, r]));
  return {
    participation: { answered: s.responses, eligible, per: s.answer_per },
    questions: questions.map((q) => resultOf(q, answeredOf.get(q.no), choices.rows, scales, opts)),
  };
}

function resultOf(
  q: Question,
  answered: { n: number; texts: number } | undefined,
  choices: { no: number; choice: number; n: number }[],
  scales: { no: number; value: number | null; n: number }[],
  opts: { texts: boolean },
) {
  const n = answered?.n ?? 0;
  const base = { no: q.no, kind: q.kind, prompt: q.prompt, required: q.required, answered: n };
  if (q.kind === 'single' || q.kind === 'multiple') {
    const counts = q.options.map((_, i) => choices.find((c) => c.no === q.no && c.choice === i)?.n ?? 0);
    return { ...base, options: q.options.map((label, i) => ({ label, count: counts[i]!, shareTenths: shareTenths(counts[i]!, n) })) };
  }
  if (q.kind === 'scale') {
    const distribution = [];
    let sum = 0;
    for (let v = q.min!; v <= q.max!; v++) {
      const count = scales.find((r) => r.no === q.no && r.value === v)?.n ?? 0;
      sum += v * count;
      distribution.push({ value: v, count, shareTenths: shareTenths(count, n) });
    }
    return { ...base, scale: { min: q.min!, max: q.max!, distribution, mean: { numerator: sum, denominator: n } } };
  }
  return { ...base, texts: opts.texts ? { total: answered?.texts ?? 0 } : null };
}

/** Staff: a survey with its results (readResults at its place). */
export async function getSurveyResults(ctx: Ctx, id: string) {
  const db = read(ctx);
  const s = await surveyFor(db, ctx, id, 'readResults');
  return { id: s.id, title: s.title, status: s.effective, anonymous: s.anonymous, ...(await surveyResults(db, s, { texts: true })) };
}

/** The texts answered to a text question, page by page: no names, for named and anonymous surveys alike. */
export async function surveyTexts(ctx: Ctx, id: string, q: TextsQuery) {
  const db = read(ctx);
  const s = await surveyFor(db, ctx, id, 'readResults');
  const base = db.selectFrom('srv_answers as a').where('a.street_id', '=', s.street_id).where('a.survey_id', '=', s.id).where('a.question_no', '=', q.no).where('a.text', 'is not', null);
  const [items, count] = await Promise.all([
    // By response id: random for an anonymous survey, so the order tells nothing of when or who.
    base.select(['a.text']).orderBy('a.response_id').limit(q.pageSize).offset(offsetOf(q)).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: items.map((r) => ({ text: r.text! })), total: Number(count.n), page: q.page, pageSize: q.pageSize };
}

export interface ResponseItem {
  /** A named survey's respondent, masked (王*); null for an anonymous survey. */
  respondent: string | null;
  /** A named survey's room (1栋 / 1单元 / 101); null for an anonymous survey. */
  room: string | null;
  /** A named survey's instant; null for an anonymous survey, which keeps only the day. */
  submittedAt: Date | null;
  submittedOn: string;
  answers: { no: number; choices: number[] | null; scale: number | null; text: string | null }[];
}

/**
 * The raw responses (staff with readResults): a named survey's with the respondent's masked name and room,
 * in the order answered; an anonymous survey's with neither, in random order. No ids are answered.
 */
export async function listResponses(ctx: Ctx, id: string, q: PageQuery): Promise<{ items: ResponseItem[]; total: number; page: number; pageSize: number; anonymous: boolean }> {
  const db = read(ctx);
  const s = await surveyFor(db, ctx, id, 'readResults');
  const items = await responsesOf(db, s, q);
  return { items, total: s.responses, page: q.page, pageSize: q.pageSize, anonymous: s.anonymous };
}

export async function responsesOf(db: Executor, s: SurveyRow, q: PageQuery): Promise<ResponseItem[]> {
  const rows = await db
    .selectFrom('srv_responses as r')
    .leftJoin('accounts as acc', 'acc.id', 'r.account_id')
    .leftJoin('places as room', 'room.id', 'r.room_id')
    .select(['r.submitted_at as submittedAt', sql<string>`to_char(r.submitted_on, 'YYYY-MM-DD')`.as('submittedOn'), 'acc.display_name as name', 'room.path as roomPath'])
    .select(sql<string | null>`(select string_agg(x.name, ' / ' order by x.depth) from street_places x where x.id = any(string_to_array(trim(both '/' from room.path), '/')::uuid[]) and x.kind in ('building', 'unit', 'room'))`.as('roomLabel'))
    .select((eb) =>
      eb
        .selectFrom('srv_answers as a')
        .whereRef('a.street_id', '=', 'r.street_id')
        .whereRef('a.response_id', '=', 'r.id')
        .select(sql<ResponseItem['answers']>`coalesce(json_agg(json_build_object('no', a.question_no, 'choices', a.choices, 'scale', a.scale, 'text', a.text) order by a.question_no), '[]')`.as('x'))
        .as('answers'),
    )
    .where('r.street_id', '=', s.street_id)
    .where('r.survey_id', '=', s.id)
    .$if(s.anonymous, (qb) => qb.orderBy('r.id'))
    .$if(!s.anonymous, (qb) => qb.orderBy('r.submitted_at').orderBy('r.id'))
    .limit(q.pageSize)
    .offset(offsetOf(q))
    .execute();
  return rows.map((r) => ({
    respondent: s.anonymous || !r.name ? null : maskName(r.name),
    room: s.anonymous ? null : r.roomLabel,
    submittedAt: s.anonymous ? null : r.submittedAt,
    submittedOn: r.submittedOn,
    answers: r.answers ?? [],
  }));
}
