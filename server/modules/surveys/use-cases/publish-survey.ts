import { SYSTEM_ACTOR } from '../../../kernel/access/index.ts';
import { audit, type Ctx, type Kernel } from '../../../kernel/context.ts';
import type { Job } from '../../../kernel/jobs/jobs.ts';
import { notify } from '../../../kernel/notify/notify.ts';
import { read, type Tx, write } from '../surveys.db.ts';
import { SurveysErrors } from '../surveys.errors.ts';
import { findSurvey, questionsOf, type SurveyRow } from '../surveys.repository.ts';
import { assertDraft, surveyFor } from './survey-access.ts';

const fmt = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/**
 * Tells the residents under the survey's place (its owners, for an owners-only survey), once, that it is
 * open: at publish when it opens at once, else by the job below when its opening time comes — nobody is
 * sent to a survey they cannot answer yet. Runs in the caller's transaction.
 */
async function announceIfDue(tx: Tx, ctx: Ctx, s: Pick<SurveyRow, 'street_id' | 'id' | 'place_id' | 'title' | 'audience' | 'opens_at' | 'closes_at' | 'announced_at'>) {
  const now = ctx.kernel.clock.now();
  if (s.announced_at || s.opens_at > now || s.closes_at <= now) return false;
  const { recipients } = await notify(tx, ctx, {
    template: 'surveys.opened',
    placeId: s.place_id,
    to: { audience: s.audience === 'owners' ? 'registry.owners' : 'registry.residents' },
    data: { title: s.title, closesAt: fmt.format(s.closes_at), surveyId: s.id },
    subject: { type: 'survey', id: s.id },
  });
  await tx.updateTable('srv_surveys').set({ announced_at: now }).where('street_id', '=', s.street_id).where('id', '=', s.id).execute();
  await audit(tx, ctx, { action: 'surveys.survey.announced', placeId: s.place_id, subjectType: 'survey', subjectId: s.id, detail: { recipients } });
  return true;
}

/** Publishes a draft: it needs a question and a closing time still ahead; answers are taken from its opening time. */
export async function publishSurvey(ctx: Ctx, id: string) {
  return write(ctx, async (tx) => {
    const s = await surveyFor(tx, ctx, id, 'manage', { lock: true });
    assertDraft(s);
    const now = ctx.kernel.clock.now();
    if ((await questionsOf(tx, s)).length === 0) throw SurveysErrors.NO_QUESTIONS();
    if (s.closes_at <= now) throw SurveysErrors.ALREADY_CLOSED_TIME();
    await tx.updateTable('srv_surveys').set({ status: 'open', published_at: now, updated_at: now }).where('street_id', '=', s.street_id).where('id', '=', s.id).execute();
    await audit(tx, ctx, { action: 'surveys.survey.published', placeId: s.place_id, subjectType: 'survey', subjectId: s.id, detail: { opensAt: s.opens_at, closesAt: s.closes_at } });
    const announced = await announceIfDue(tx, ctx, s);
    return { id: s.id, status: 'open' as const, announced };
  });
}

/** Closes an open survey early: no more answers; what was answered stays. */
export async function closeSurvey(ctx: Ctx, id: string) {
  return write(ctx, async (tx) => {
    const s = await surveyFor(tx, ctx, id, 'manage', { lock: true });
    if (s.effective !== 'open') throw SurveysErrors.NOT_OPEN();
    const now = ctx.kernel.clock.now();
    await tx.updateTable('srv_surveys').set({ status: 'closed', closed_at: now, updated_at: now }).where('street_id', '=', s.street_id).where('id', '=', s.id).execute();
    await audit(tx, ctx, { action: 'surveys.survey.closed', placeId: s.place_id, subjectType: 'survey', subjectId: s.id, detail: { responses: s.responses } });
    return { id: s.id, status: 'closed' as const };
  });
}

/** Published surveys whose opening time has come and that were not told yet: told now, each in its own transaction. */
export async function announceOpenedSurveys(kernel: Kernel): Promise<{ announced: number }> {
  const ctx: Ctx = { kernel, actor: SYSTEM_ACTOR };
  const now = kernel.clock.now();
  const due = await read(kernel)
    .selectFrom('srv_surveys')
    .select('id')
    .where('status', '=', 'open')
    .where('announced_at', 'is', null)
    .where('opens_at', '<=', now)
    .where('closes_at', '>', now)
    .orderBy('opens_at')
    .limit(100)
    .execute();
  let announced = 0;
  for (const { id } of due) {
    const told = await write(ctx, async (tx) => {
      const s = await findSurvey(tx, id, now, { lock: true });
      return s && s.status === 'open' ? announceIfDue(tx, ctx, s) : false;
    });
    if (told) announced++;
  }
  return { announced };
}

export const announceJob: Job = { name: 'surveys.announce-opened', everyMs: 60_000, run: announceOpenedSurveys };

/** What surveys say to residents (kernel/notify/). */
export const SURVEY_NOTIFICATIONS = [
  {
    key: 'surveys.opened',
    label: { zh: '问卷调查', en: 'Surveys' },
    title: { zh: '请填写问卷：{title}', en: 'Survey: {title}' },
    body: { zh: '问卷「{title}」已开始，{closesAt}截止，欢迎填写。', en: 'The survey "{title}" is open until {closesAt}. Your answer counts.' },
    wechat: { thing1: '{title}', time2: '{closesAt}' },
    link: '/h5/surveys/{surveyId}',
  },
];
