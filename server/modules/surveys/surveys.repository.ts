import { type Expression, type Selectable, type SqlBool, sql } from 'kysely';
import { pathLabel } from '../../kernel/access/index.ts';
import { containing } from '../../kernel/db/like.ts';
import { countOnce } from '../../kernel/db/read-cache.ts';
import { offsetOf, paginate } from '../../kernel/pagination.ts';
import type { QuestionKind, SurveyStatus } from './surveys.constants.ts';
import type { Executor } from './surveys.db.ts';
import { type SurveysQuery, SurveysSort } from './surveys.schemas.ts';
import type { SrvQuestionsTable, SrvSurveysTable } from './surveys.tables.ts';

/** SQL for the surveys module's own tables (and reads of the kernel's places and accounts). */

/** The status as it reads at `now`: an open survey past its closing time is closed, without a write. */
export const effectiveStatus = (now: Date) => sql<SurveyStatus>`(case when s.status = 'open' and s.closes_at <= ${now} then 'closed' else s.status end)`;

export type SurveyRow = Selectable<SrvSurveysTable> & { place_path: string; place_name: string; place_kind: string; effective: SurveyStatus };

export function findSurvey(db: Executor, id: string, now: Date, opts: { lock?: boolean } = {}): Promise<SurveyRow | undefined> {
  return db
    .selectFrom('srv_surveys as s')
    .innerJoin('places as p', 'p.id', 's.place_id')
    .selectAll('s')
    .select(['p.path as place_path', 'p.name as place_name', 'p.kind as place_kind', effectiveStatus(now).as('effective')])
    .where('s.id', '=', id)
    .$if(!!opts.lock, (qb) => qb.forUpdate('s'))
    .executeTakeFirst();
}

export interface Question {
  no: number;
  kind: QuestionKind;
  prompt: string;
  options: string[];
  maxChoices: number | null;
  min: number | null;
  max: number | null;
  required: boolean;
}

const questionOf = (r: Selectable<SrvQuestionsTable>): Question => ({
  no: r.no,
  kind: r.kind,
  prompt: r.prompt,
  options: (typeof r.options === 'string' ? JSON.parse(r.options) : r.options) as string[],
  maxChoices: r.max_choices,
  min: r.scale_min,
  max: r.scale_max,
  required: r.required,
});

export async function questionsOf(db: Executor, survey: { street_id: string; id: string }): Promise<Question[]> {
  const rows = await db.selectFrom('srv_questions').selectAll().where('street_id', '=', survey.street_id).where('survey_id', '=', survey.id).orderBy('no').execute();
  return rows.map(questionOf);
}

export async function replaceQuestions(db: Executor, survey: { street_id: string; id: string }, questions: Question[]) {
  await db.deleteFrom('srv_questions').where('street_id', '=', survey.street_id).where('survey_id', '=', survey.id).execute();
  if (questions.length === 0) return;
  await db
    .insertInto('srv_questions')
    .values(
      questions.map((q) => ({
        street_id: survey.street_id,
        survey_id: survey.id,
        no: q.no,
        kind: q.kind,
        prompt: q.prompt,
        options: JSON.stringify(q.options),
        max_choices: q.maxChoices,
        scale_min: q.min,
        scale_max: q.max,
        required: q.required,
      })),
    )
    .execute();
}

/** What a list row shows of a survey. */
export function surveyColumns(now: Date) {
  return [
    's.id',
    's.title',
    's.place_id as placeId',
    'p.name as placeName',
    's.audience',
    's.answer_per as answerPer',
    's.anonymous',
    's.results_public as resultsPublic',
    's.opens_at as opensAt',
    's.closes_at as closesAt',
    's.responses',
    's.subject_type as subjectType',
    's.subject_id as subjectId',
    's.subject_stage as subjectStage',
    effectiveStatus(now).as('status'),
  ] as const;
}

export function listSurveys(db: Executor, q: SurveysQuery & { underPath?: string }, filter: Expression<SqlBool>, now: Date) {
  const base = db
    .selectFrom('srv_surveys as s')
    .innerJoin('places as p', 'p.id', 's.place_id')
    .where(filter)
    .$if(!!q.underPath, (qb) => qb.where('p.path', 'like', `${q.underPath}%`))
    .$if(!!q.q, (qb) => qb.where('s.title', 'ilike', containing(q.q!)))
    .$if(!!q.status, (qb) => qb.where(effectiveStatus(now), '=', q.status!))
    .$if(!!q.subjectType, (qb) => qb.where('s.subject_type', '=', q.subjectType!))
    .$if(!!q.subjectId, (qb) => qb.where('s.subject_id', '=', q.subjectId!));
  return paginate(
    q,
    SurveysSort.orderBy(base, q)
      .select(surveyColumns(now))
      .select(pathLabel('p.path', ['community', 'grid', 'compound']).as('placeLabel'))
      .limit(q.pageSize)
      .offset(offsetOf(q))
      .execute(),
    countOnce(db, base.select((eb) => eb.fn.countAll<number>().as('n'))),
  );
}
