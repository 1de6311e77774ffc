import { randomUUID } from 'node:crypto';
import { chinaDay } from '../../../kernel/clock.ts';
import { audit, type Ctx } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/ids.ts';
import { read, write } from '../surveys.db.ts';
import { SurveysErrors } from '../surveys.errors.ts';
import { questionsOf } from '../surveys.repository.ts';
import { surveyForResident } from './resident-surveys.ts';
import { checkAnswers } from './survey-rules.ts';

export interface AnswerInput {
  roomId?: string;
  answers: { no: number; choices?: number[]; scale?: number; text?: string }[];
}

/**
 * A resident answers a survey that asks them, between its opening and closing times, once per account or
 * once per household (room) as the survey says — held by the participation's unique key in the database.
 *
 * The participation (who answered, for that key) and the response (what was answered) share nothing: for
 * an anonymous survey the response has a random id, no account, no room and only the day; the audit entry
 * names the participation, never the response. So nothing the API returns joins an answer to a person.
 */
export async function answerSurvey(ctx: Ctx, id: string, input: AnswerInput) {
  // Checked before the transaction too, so a refusal costs no lock; checked again under the lock below.
  await checkEligible(ctx, id, input, read(ctx));
  return write(ctx, async (tx) => {
    const { survey: s, room, rows } = await checkEligible(ctx, id, input, tx, { lock: true });
    const perKey = s.answer_per === 'household' ? room!.roomId : ctx.actor.accountId;
    const taken = await tx.selectFrom('srv_participations').select('id').where('street_id', '=', s.street_id).where('survey_id', '=', s.id).where('per_key', '=', perKey).executeTakeFirst();
    if (taken) throw SurveysErrors.ALREADY_ANSWERED();
    const now = ctx.kernel.clock.now();
    const participationId = newId();
    await tx
      .insertInto('srv_participations')
      .values({ street_id: s.street_id, survey_id: s.id, id: participationId, per_key: perKey, account_id: ctx.actor.accountId, room_id: room?.roomId ?? null, answered_at: now })
      .execute();
    // An anonymous response's id is random (a time-ordered one would line it up with the participation).
    const responseId = s.anonymous ? randomUUID() : newId();
    await tx
      .insertInto('srv_responses')
      .values({
        street_id: s.street_id,
        survey_id: s.id,
        id: responseId,
        account_id: s.anonymous ? null : ctx.actor.accountId,
        room_id: s.anonymous ? null : (room?.roomId ?? null),
        submitted_at: s.anonymous ? null : now,
        submitted_on: chinaDay(now),
      })
      .execute();
    if (rows.length > 0) {
      await tx
        .insertInto('srv_answers')
        .values(rows.map((r) => ({ street_id: s.street_id, survey_id: s.id, response_id: responseId, ...r })))
        .execute();
    }
    await tx.updateTable('srv_surveys').set((eb) => ({ responses: eb('responses', '+', 1) })).where('street_id', '=', s.street_id).where('id', '=', s.id).execute();
    await audit(
      tx,
      ctx,
      s.anonymous
        ? { action: 'surveys.survey.answered', placeId: s.place_id, subjectType: 'survey_participation', subjectId: participationId, detail: { surveyId: s.id, anonymous: true } }
        : { action: 'surveys.survey.answered', placeId: s.place_id, subjectType: 'survey_response', subjectId: responseId, detail: { surveyId: s.id, anonymous: false } },
    );
    return { answered: true };
  });
}

async function checkEligible(ctx: Ctx, id: string, input: AnswerInput, db: Parameters<typeof surveyForResident>[0], opts: { lock?: boolean } = {}) {
  const { survey: s, asked } = await surveyForResident(db, ctx, id, opts);
  const now = ctx.kernel.clock.now();
  if (s.effective === 'closed') throw SurveysErrors.CLOSED();
  if (s.opens_at > now) throw SurveysErrors.NOT_YET_OPEN();
  if (asked.length === 0) throw s.audience === 'owners' ? SurveysErrors.OWNERS_ONLY() : SurveysErrors.NOT_ELIGIBLE();
  let room = input.roomId ? asked.find((r) => r.roomId === input.roomId) : asked.length === 1 || s.answer_per === 'account' ? asked[0] : undefined;
  if (input.roomId && !room) throw SurveysErrors.NOT_ELIGIBLE();
  if (s.answer_per === 'household' && !room) throw SurveysErrors.ROOM_REQUIRED();
  room ??= asked[0];
  const rows = checkAnswers(await questionsOf(db, s), input.answers);
  return { survey: s, room, rows };
}
