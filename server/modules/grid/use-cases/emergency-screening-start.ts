import { audit, type Ctx } from '../../../kernel/context.ts';
import { DEFAULT_QUESTIONS } from '../grid.emergency.constants.ts';
import type { ScreeningBody } from '../grid.emergency.schemas.ts';
import { write } from '../grid.db.ts';
import { createScreening, managedDeclaration } from './emergency-access.ts';

/** 「发起入户排查」: a manager starts the declaration's screening (when it was declared without one), with its checklist. Audited. */
export async function startScreening(ctx: Ctx, id: string, body: ScreeningBody): Promise<{ id: string; households: number }> {
  return write(ctx, async (tx) => {
    const d = await managedDeclaration(tx, ctx, id);
    const questions = body.questions ?? DEFAULT_QUESTIONS;
    const screening = await createScreening(tx, ctx, d, questions);
    await audit(tx, ctx, { action: 'grid.emergency.screening_started', placeId: d.placeId, subjectType: 'grid_emergency', subjectId: id, detail: { households: screening.households, questions: questions.length } });
    return screening;
  });
}
