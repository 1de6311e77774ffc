import { z } from 'zod';
import { type Ctx, audit } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { newId } from '../../../kernel/ids.ts';
import type { NotificationTemplate } from '../../../kernel/notify/notify.ts';
import { notify } from '../../../kernel/notify/notify.ts';
import { read, write } from '../registry.db.ts';
import { RegistryErrors } from '../registry.errors.ts';
import { allows, placeFilter } from '../registry.policy.ts';

export const CorrectionBody = z.strictObject({
  field: z.enum(['name', 'phone', 'id_number', 'household', 'other']),
  request: z.string().trim().min(1).max(500),
});
export const AnswerBody = z.strictObject({ answer: z.string().trim().min(1).max(500) });

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
 * A resident asks for their registry record to be corrected (PIPL art. 46). The request is filed at the
 * place that registered the person, so the officials covering it (the residents' committee) get it.
 * The text is the resident's own words and stays out of the audit entry.
 */
export async function requestCorrection(ctx: Ctx, input: z.infer<typeof CorrectionBody>) {
  const personId = ctx.actor.personId;
  if (!personId) throw RegistryErrors.CORRECTION_NO_PERSON();
  const person = await read(ctx).selectFrom('reg_persons').select(['street_id', 'place_id']).where('id', '=', personId).executeTakeFirst();
  if (!person) throw RegistryErrors.CORRECTION_NO_PERSON();
  return write(ctx, async (tx) => {
    const id = newId();
    await tx
      .insertInto('reg_corrections')
      .values({ street_id: person.street_id, id, person_id: personId, account_id: ctx.actor.accountId, place_id: person.place_id, field: input.field, request: input.request, created_at: ctx.kernel.clock.now() })
      .execute();
    await audit(tx, ctx, { action: 'registry.correction.requested', placeId: person.place_id, subjectType: 'correction', subjectId: id, detail: { field: input.field } });
    return { id, status: 'open' as const };
  });
}

const COLUMNS = ['c.id', 'c.field', 'c.request', 'c.status', 'c.answer', 'c.created_at', 'c.answered_at'] as const;

/** My correction requests, newest first. */
export async function myCorrections(ctx: Ctx) {
  const items = await read(ctx).selectFrom('reg_corrections as c').select([...COLUMNS]).where('c.account_id', '=', ctx.actor.accountId).orderBy('c.created_at', 'desc').execute();
  return { items };
}

/** The correction requests at the places the official answers for, open ones first, with the person's name. */
export async function listCorrections(ctx: Ctx, q: { status?: 'open' | 'answered'; page?: number; pageSize?: number }) {
  const pageSize = q.pageSize ?? 20;
  const page = q.page ?? 1;
  let query = read(ctx)
    .selectFrom('reg_corrections as c')
    .innerJoin('street_places as p', (j) => j.onRef('p.street_id', '=', 'c.street_id').onRef('p.id', '=', 'c.place_id'))
    .innerJoin('reg_persons as person', (j) => j.onRef('person.street_id', '=', 'c.street_id').onRef('person.id', '=', 'c.person_id'))
    .where(placeFilter(ctx.actor, 'answerCorrections', 'p.id', 'p.path'));
  if (q.status) query = query.where('c.status', '=', q.status);
  const [items, total] = await Promise.all([
    query
      .select([...COLUMNS, 'person.name as personName', 'p.name as placeName'])
      .orderBy('c.status', 'desc')
      .orderBy('c.created_at', 'desc')
      .orderBy('c.id')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n), page, pageSize };
}

/** An official answers a request at a place they cover; the resident is told in their inbox. Audited. */
export async function answerCorrection(ctx: Ctx, id: string, input: z.infer<typeof AnswerBody>) {
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
