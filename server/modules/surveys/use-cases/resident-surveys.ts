import { sql } from 'kysely';
import type { Ctx } from '../../../kernel/context.ts';
import { offsetOf, type PageQuery } from '../../../kernel/pagination.ts';
import { roomsWithOwnershipOf } from '../../registry/index.ts';
import { type Executor, read } from '../surveys.db.ts';
import { SurveysErrors } from '../surveys.errors.ts';
import { effectiveStatus, findSurvey, questionsOf, type SurveyRow, surveyColumns } from '../surveys.repository.ts';
import { surveyResults } from './survey-results.ts';

/**
 * The resident's side of surveys. Who is asked: an account whose person has a current household in a room
 * under the survey's place — for an owners-only survey, as owner or co-owner. A survey elsewhere does not
 * exist for them (404); a published one they are asked is listed with whether they (or, for a household
 * survey, their household) have answered.
 */

type MyRoom = Awaited<ReturnType<typeof roomsWithOwnershipOf>>[number];
export type ResidentState = 'notYetOpen' | 'open' | 'answered' | 'closed' | 'ownersOnly';

async function myRooms(db: Executor, ctx: Ctx): Promise<MyRoom[]> {
  return ctx.actor.personId ? roomsWithOwnershipOf(db, ctx.actor.personId) : [];
}

const ancestorsOf = (rooms: MyRoom[]) => [...new Set(rooms.flatMap((r) => r.roomPath.split('/').filter(Boolean)))];

/** My rooms under the survey's place that it asks (all of them, or the owned ones for an owners-only survey). */
export function roomsAsked(rooms: MyRoom[], s: Pick<SurveyRow, 'audience'> & { place_path: string }) {
  const under = rooms.filter((r) => r.roomPath.startsWith(s.place_path));
  return { under, asked: s.audience === 'owners' ? under.filter((r) => r.owner) : under };
}

/** Which of the keys (my account, or my asked rooms) have answered the survey already. */
async function answeredKeys(db: Executor, surveyIds: string[], keys: string[]): Promise<Set<string>> {
  if (surveyIds.length === 0 || keys.length === 0) return new Set();
  const rows = await db.selectFrom('srv_participations').select(['survey_id', 'per_key']).where('survey_id', 'in', surveyIds).where('per_key', 'in', keys).execute();
  return new Set(rows.map((r) => `${r.survey_id}:${r.per_key}`));
}

function stateOf(s: { effective: string; opens_at: Date }, now: Date, askedRooms: MyRoom[], answered: boolean): ResidentState {
  if (s.effective === 'closed') return 'closed';
  if (askedRooms.length === 0) return 'ownersOnly';
  if (answered) return 'answered';
  if (s.opens_at > now) return 'notYetOpen';
  return 'open';
}

/** The published surveys that ask me, opened ones first (open, then closed), newest first; each with my state. */
export async function listMySurveys(ctx: Ctx, q: PageQuery & { onlyOpen?: boolean }) {
  const db = read(ctx);
  const rooms = await myRooms(db, ctx);
  const now = ctx.kernel.clock.now();
  if (rooms.length === 0) return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
  const all = ancestorsOf(rooms);
  const owned = ancestorsOf(rooms.filter((r) => r.owner));
  const base = db
    .selectFrom('srv_surveys as s')
    .innerJoin('places as p', 'p.id', 's.place_id')
    .where('s.status', '<>', 'draft')
    .where('s.opens_at', '<=', now)
    .where((eb) => eb.or([eb.and([eb('s.place_id', 'in', all), eb('s.audience', '=', 'residents')]), ...(owned.length ? [eb('s.place_id', 'in', owned)] : [])]))
    .$if(!!q.onlyOpen, (qb) => qb.where(effectiveStatus(now), '=', 'open'));
  const [rows, count] = await Promise.all([
    base
      .select(surveyColumns(now))
      .select(['p.path as placePath', 's.description'])
      .orderBy(sql`(${effectiveStatus(now)} = 'open')`, 'desc')
      .orderBy('s.closes_at', 'asc')
      .orderBy('s.id')
      .limit(q.pageSize)
      .offset(offsetOf(q))
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const keys = [ctx.actor.accountId, ...rooms.map((r) => r.roomId)];
  const done = await answeredKeys(
    db,
    rows.map((r) => r.id),
    keys,
  );
  const items = rows.map(({ placePath, ...r }) => {
    const { asked } = roomsAsked(rooms, { audience: r.audience, place_path: placePath });
    const answered = r.answerPer === 'account' ? done.has(`${r.id}:${ctx.actor.accountId}`) : asked.length > 0 && asked.every((room) => done.has(`${r.id}:${room.roomId}`));
    return { ...r, answered, state: stateOf({ effective: r.status, opens_at: r.opensAt }, now, asked, answered) };
  });
  return { items, total: Number(count.n), page: q.page, pageSize: q.pageSize };
}

/** A published survey that asks me, or 404; with the actor's rooms under it, for the answer's checks. */
export async function surveyForResident(db: Executor, ctx: Ctx, id: string, opts: { lock?: boolean } = {}) {
  const s = await findSurvey(db, id, ctx.kernel.clock.now(), opts);
  if (!s || s.status === 'draft') throw SurveysErrors.SURVEY_NOT_FOUND();
  const rooms = await myRooms(db, ctx);
  const { under, asked } = roomsAsked(rooms, s);
  if (under.length === 0) throw SurveysErrors.SURVEY_NOT_FOUND();
  return { survey: s, asked };
}

/**
 * One survey for the resident: its questions, my state, the rooms I may answer for (a household survey),
 * my own answers to a named survey (an anonymous one keeps no link back to me), and the results once it
 * is closed, if they are public.
 */
export async function getMySurvey(ctx: Ctx, id: string) {
  const db = read(ctx);
  const now = ctx.kernel.clock.now();
  const { survey: s, asked } = await surveyForResident(db, ctx, id);
  const done = await answeredKeys(db, [s.id], [ctx.actor.accountId, ...asked.map((r) => r.roomId)]);
  const roomChoices = asked.map((r) => ({ roomId: r.roomId, label: r.roomLabel, answered: done.has(`${s.id}:${r.roomId}`) }));
  const answered = s.answer_per === 'account' ? done.has(`${s.id}:${ctx.actor.accountId}`) : asked.length > 0 && roomChoices.every((r) => r.answered);
  const mine = s.anonymous
    ? null
    : await db
        .selectFrom('srv_responses as r')
        .select(['r.submitted_at as submittedAt'])
        .select((eb) =>
          eb
            .selectFrom('srv_answers as a')
            .whereRef('a.street_id', '=', 'r.street_id')
            .whereRef('a.response_id', '=', 'r.id')
            .select(sql<{ no: number; choices: number[] | null; scale: number | null; text: string | null }[]>`coalesce(json_agg(json_build_object('no', a.question_no, 'choices', a.choices, 'scale', a.scale, 'text', a.text) order by a.question_no), '[]')`.as('x'))
            .as('answers'),
        )
        .where('r.street_id', '=', s.street_id)
        .where('r.survey_id', '=', s.id)
        .where('r.account_id', '=', ctx.actor.accountId)
        .orderBy('r.submitted_at', 'desc')
        .limit(1)
        .executeTakeFirst();
  const closed = s.effective === 'closed';
  return {
    id: s.id,
    title: s.title,
    description: s.description,
    placeName: s.place_name,
    audience: s.audience,
    answerPer: s.answer_per,
    anonymous: s.anonymous,
    resultsPublic: s.results_public,
    opensAt: s.opens_at,
    closesAt: s.closes_at,
    status: s.effective,
    state: stateOf(s, now, asked, answered),
    rooms: s.answer_per === 'household' ? roomChoices : [],
    questions: await questionsOf(db, s),
    myAnswer: mine ? { submittedAt: mine.submittedAt, answers: mine.answers ?? [] } : null,
    results: closed && s.results_public ? await surveyResults(db, s, { texts: false }) : null,
  };
}

/** For the resident's home (GET /api/me/home): the open surveys that ask me and that I have not answered. */
export async function surveysHomeSection(ctx: Ctx) {
  if (!ctx.actor.personId) return {};
  const open = await listMySurveys(ctx, { page: 1, pageSize: 50, onlyOpen: true });
  const todo = open.items.filter((s) => s.state === 'open');
  return { openSurveys: { count: todo.length, items: todo.slice(0, 3).map((s) => ({ id: s.id, title: s.title, closesAt: s.closesAt, placeName: s.placeName })) } };
}
