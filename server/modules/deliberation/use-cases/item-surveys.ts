import type { Ctx } from '../../../kernel/context.ts';
import { can } from '../../../kernel/access/index.ts';
import { createSurvey, SurveysPolicy, surveysForSubject } from '../../surveys/index.ts';
import type { ItemStage } from '../deliberation.constants.ts';
import { read } from '../deliberation.db.ts';
import { DeliberationErrors } from '../deliberation.errors.ts';
import { itemForResident, itemForStaff, loadItem } from './item-access.ts';

/** What deliberation surveys are filed under in the surveys module. */
export const ITEM_SUBJECT = 'deliberation.item';
const DAY = 86_400_000;

/**
 * The two stages a survey serves (issue 17 §4): gathering the households' opinion while an item is collected,
 * set on the agenda or discussed (stage 1–3), and evaluating its outcome while it is carried out or rated (4–6).
 */
const SURVEY_STAGES: Record<'collect' | 'evaluate', readonly ItemStage[]> = {
  collect: ['collecting', 'agenda', 'consulting'],
  evaluate: ['executing', 'evaluating'],
};

/** A survey's first questions, which the organiser edits in the survey builder before publishing it. */
const STARTER_QUESTIONS = {
  collect: [
    { kind: 'single' as const, prompt: '您是否赞成这项议题？', options: ['赞成', '不赞成', '无所谓'], required: true },
    { kind: 'text' as const, prompt: '您的意见和建议', required: false },
  ],
  evaluate: [
    { kind: 'scale' as const, prompt: '您对办理结果的满意程度（1 最不满意，5 最满意）', min: 1, max: 5, required: true },
    { kind: 'text' as const, prompt: '还有哪些需要改进的地方？', required: false },
  ],
};

/**
 * Drafts a survey for an item at the item's place, one per household, open for two weeks from now, with starter
 * questions for its stage; the surveys module checks that the actor may run surveys there and records it. The
 * organiser then edits and publishes it in the survey builder.
 */
export async function attachSurvey(ctx: Ctx, itemId: string, input: { stage: 'collect' | 'evaluate'; title: string }) {
  const item = await itemForStaff(read(ctx), ctx.actor, itemId, false);
  if (!SURVEY_STAGES[input.stage].includes(item.stage)) throw DeliberationErrors.WRONG_STAGE({ stage: item.stage });
  const now = ctx.kernel.clock.now();
  return createSurvey(ctx, {
    placeId: item.place_id,
    title: input.title,
    description: `议题 ${item.code}：${item.title}`,
    answerPer: 'household',
    opensAt: now,
    closesAt: new Date(now.getTime() + 14 * DAY),
    subjectType: ITEM_SUBJECT,
    subjectId: item.id,
    subjectStage: input.stage,
    questions: STARTER_QUESTIONS[input.stage],
  });
}

/** The item's surveys for the workbench: every status, with responses against the households that may answer. */
export async function itemSurveys(ctx: Ctx, itemId: string) {
  const item = await itemForStaff(read(ctx), ctx.actor, itemId, false);
  const mayRun = can(ctx.actor, SurveysPolicy.manage, item.place_path);
  return {
    items: await surveysForSubject(read(ctx), ITEM_SUBJECT, item.id, ctx.kernel.clock.now()),
    /** The stages a survey may be drafted for now, for this official (the UI offers exactly these). */
    canAttach: (['collect', 'evaluate'] as const).filter((stage) => mayRun && SURVEY_STAGES[stage].includes(item.stage)),
  };
}

/** The item's surveys a household under it can see on the H5: the open and closed ones, never drafts. */
export async function myItemSurveys(ctx: Ctx, itemId: string) {
  const db = read(ctx);
  const item = await loadItem(db, itemId);
  await itemForResident(db, ctx.actor, item);
  const surveys = await surveysForSubject(db, ITEM_SUBJECT, item!.id, ctx.kernel.clock.now());
  return { items: surveys.filter((s) => s.status !== 'draft') };
}
