import { OPTIONS_MAX, OPTIONS_MIN, TEXT_ANSWER_MAX } from '../surveys.constants.ts';
import { SurveysErrors } from '../surveys.errors.ts';
import type { Question } from '../surveys.repository.ts';
import type { QuestionInput } from '../surveys.schemas.ts';

/**
 * The rules of a survey's questions and of an answer to them, in one place: the builder's questions become
 * stored questions (numbered in the order given), and an answer becomes the rows to store, or a 400 naming
 * the question and what is wrong.
 */
export function checkQuestions(input: readonly QuestionInput[]): Question[] {
  return input.map((q, i) => {
    const no = i + 1;
    const bad = (reason: string) => SurveysErrors.BAD_QUESTION({ no, reason });
    if (q.kind === 'single' || q.kind === 'multiple') {
      const options = q.options ?? [];
      if (options.length < OPTIONS_MIN || options.length > OPTIONS_MAX) throw bad(`${OPTIONS_MIN}–${OPTIONS_MAX} options`);
      if (new Set(options).size !== options.length) throw bad('duplicate options');
      if (q.min !== undefined || q.max !== undefined) throw bad('min/max are for scale questions');
      const maxChoices = q.kind === 'multiple' ? (q.maxChoices ?? null) : null;
      if (q.kind === 'single' && q.maxChoices != null) throw bad('maxChoices is for multiple choice');
      if (maxChoices !== null && maxChoices > options.length) throw bad('maxChoices exceeds the options');
      return { no, kind: q.kind, prompt: q.prompt, options, maxChoices, min: null, max: null, required: q.required ?? true };
    }
    if (q.options?.length || q.maxChoices != null) throw bad('options are for choice questions');
    if (q.kind === 'scale') {
      if (q.min === undefined || q.max === undefined || q.max <= q.min) throw bad('scale needs min < max');
      return { no, kind: q.kind, prompt: q.prompt, options: [], maxChoices: null, min: q.min, max: q.max, required: q.required ?? true };
    }
    if (q.min !== undefined || q.max !== undefined) throw bad('min/max are for scale questions');
    return { no, kind: q.kind, prompt: q.prompt, options: [], maxChoices: null, min: null, max: null, required: q.required ?? true };
  });
}

export interface AnswerRow {
  question_no: number;
  choices: number[] | null;
  scale: number | null;
  text: string | null;
}

/** Checks an answer against the questions: required answered, indexes in range, ≤ maxChoices, scale in range, text ≤ 1000. */
export function checkAnswers(questions: readonly Question[], answers: readonly { no: number; choices?: number[]; scale?: number; text?: string }[]): AnswerRow[] {
  const byNo = new Map(questions.map((q) => [q.no, q]));
  const seen = new Set<number>();
  const rows: AnswerRow[] = [];
  for (const a of answers) {
    const q = byNo.get(a.no);
    if (!q || seen.has(a.no)) throw SurveysErrors.ANSWER_UNKNOWN_QUESTION({ no: a.no });
    seen.add(a.no);
    const given = [a.choices !== undefined, a.scale !== undefined, a.text !== undefined].filter(Boolean).length;
    if (given > 1) throw SurveysErrors.ANSWER_KIND({ no: q.no });
    if (q.kind === 'single' || q.kind === 'multiple') {
      if (a.scale !== undefined || a.text !== undefined) throw SurveysErrors.ANSWER_KIND({ no: q.no });
      const choices = [...new Set(a.choices ?? [])].sort((x, y) => x - y);
      if (choices.length === 0) continue; // nothing chosen: unanswered (required is checked below)
      if (choices.some((c) => c >= q.options.length)) throw SurveysErrors.CHOICE_OUT_OF_RANGE({ no: q.no });
      if (q.kind === 'single' && choices.length > 1) throw SurveysErrors.TOO_MANY_CHOICES({ no: q.no, max: 1 });
      if (q.kind === 'multiple' && q.maxChoices !== null && choices.length > q.maxChoices) throw SurveysErrors.TOO_MANY_CHOICES({ no: q.no, max: q.maxChoices });
      rows.push({ question_no: q.no, choices, scale: null, text: null });
    } else if (q.kind === 'scale') {
      if (a.choices !== undefined || a.text !== undefined) throw SurveysErrors.ANSWER_KIND({ no: q.no });
      if (a.scale === undefined) continue;
      if (a.scale < q.min! || a.scale > q.max!) throw SurveysErrors.SCALE_OUT_OF_RANGE({ no: q.no, min: q.min!, max: q.max! });
      rows.push({ question_no: q.no, choices: null, scale: a.scale, text: null });
    } else {
      if (a.choices !== undefined || a.scale !== undefined) throw SurveysErrors.ANSWER_KIND({ no: q.no });
      const text = a.text?.trim() ?? '';
      if (!text) continue;
      if ([...text].length > TEXT_ANSWER_MAX) throw SurveysErrors.TEXT_TOO_LONG({ no: q.no, max: TEXT_ANSWER_MAX });
      rows.push({ question_no: q.no, choices: null, scale: null, text });
    }
  }
  const answered = new Set(rows.map((r) => r.question_no));
  for (const q of questions) if (q.required && !answered.has(q.no)) throw SurveysErrors.ANSWER_REQUIRED({ no: q.no });
  return rows;
}
