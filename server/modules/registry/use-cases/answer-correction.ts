import { type Ctx, audit } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import type { NotificationTemplate } from '../../../kernel/notify/notify.ts';
import { notify } from '../../../kernel/notify/notify.ts';
import { read, write } from '../registry.db.ts';
import { RegistryErrors } from '../registry.errors.ts';
import { allows } from '../registry.policy.ts';
import type { AnswerCorrectionBody } from '../registry.schemas.ts';

export const CORRECTION_NOTIFICATIONS: NotificationTemplate[] = [
  {
    key: 'registry.correction_answered',
    label: { zh: '信息更正答复', en: 'Correction answered' },
    title: { zh: '您的信息更正申请已答复', en: 'Your correction request was answered' },
    body: { zh: '答复：{answer}', en: 'Answer: {answer}' },
    link: '/h5/me/privacy',
  },
];

/**
 * An official answers a request at a place they cover, once; the resident is told in their inbox. Audited
 * (without the answer's words, which may repeat the resident's data). Outside the official's places: 404;
 * visible to someone who may not answer (property staff): 403.
 */
export async function answerCorrection(ctx: Ctx, id: string, input: AnswerCorrectionBody) {
  const c = await read(ctx)
    .selectFrom('reg_corrections as c')
    .innerJoin('street_places as p', (j) => j.onRef('p.street_id', '=', 'c.street_id').onRef('p.id', '=', 'c.place_id'))
    .select(['c.street_id', 'c.id', 'c.status', 'c.account_id', 'c.place_id', 'p.path'])
    .where('c.id', '=', id)
    .executeTakeFirst();
  if (!c || !allows(ctx.actor, 'answerCorrections', c.path)) {
    if (c && allows(ctx.actor, 'readPersons', c.path)) throw CommonErrors.FORBIDDEN();
    throw RegistryErrors.CORRECTION_NOT_FOUND();
  }
  if (c.status !== 'open') throw RegistryErrors.CORRECTION_ANSWERED();
  return write(ctx, async (tx) => {
    const now = ctx.kernel.clock.now();
    const done = await tx
      .updateTable('reg_corrections')
      .set({ status: 'answered', answer: input.answer, answered_by: ctx.actor.accountId, answered_at: now })
      .where('street_id', '=', c.street_id)
      .where('id', '=', c.id)
      .where('status', '=', 'open')
      .executeTakeFirst();
    // Two officials answering at once: the second finds it answered and writes nothing.
    if (Number(done.numUpdatedRows) !== 1) throw RegistryErrors.CORRECTION_ANSWERED();
    await audit(tx, ctx, { action: 'registry.correction.answered', placeId: c.place_id, subjectType: 'correction', subjectId: c.id });
    await notify(tx, ctx, {
      template: 'registry.correction_answered',
      placeId: c.place_id,
      to: { accounts: [c.account_id] },
      data: { answer: input.answer },
      subject: { type: 'correction', id: c.id },
    });
    return { id: c.id, status: 'answered' as const };
  });
}
