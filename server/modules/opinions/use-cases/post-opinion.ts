import { type Ctx, audit } from '../../../kernel/context.ts';
import type { Executor as AnyExecutor, Tx as AnyTx } from '../../../kernel/db/index.ts';
import { read, type Tx, write } from '../opinions.db.ts';
import { newId } from '../../../kernel/ids.ts';
import { compoundServices, type CompoundServices } from '../../registry/index.ts';
import type { Addressee } from '../opinions.constants.ts';
import { OpinionErrors } from '../opinions.errors.ts';
import type { PostOpinionBody } from '../opinions.schemas.ts';
import { loadOpinionFor, myRooms, presentOpinion } from './load-opinion.ts';

const ADDRESSEE_LABEL: Record<Addressee, { zh: string; en: string }> = {
  property_company: { zh: '物业服务企业', en: 'property company' },
  residents_committee: { zh: '居民委员会', en: "residents' committee" },
  owners_committee: { zh: '业主委员会', en: "owners' committee" },
};

/** The organisation behind an addressee in this compound, or null when the compound has none. */
export function addresseeOrg(services: CompoundServices, addressee: Addressee) {
  if (addressee === 'property_company') return services.propertyCompany;
  if (addressee === 'residents_committee') return services.residentsCommittee;
  return services.ownersCommittee;
}

/** What another module's record an opinion is about (issue 19: a line of the open books), shown with it. */
export interface OpinionSubject {
  module: string;
  type: string;
  id: string;
  label: string;
}

/**
 * A resident posts an opinion or complaint to a compound they live in: publicly (neighbours read it)
 * or privately to the property company, the residents' committee or the owners' committee.
 */
export async function postOpinion(ctx: Ctx, input: PostOpinionBody) {
  return write(ctx, (tx) => insertOpinion(tx, ctx, input, null));
}

/**
 * The one way an opinion is posted, in the given transaction: the poster's room (and so the compound) among the
 * rooms they live in now, the addressee's organisation there, the row, its audit entry.
 */
async function insertOpinion(tx: Tx, ctx: Ctx, input: PostOpinionBody, subject: OpinionSubject | null) {
  const personId = ctx.actor.personId;
  if (!personId) throw OpinionErrors.NOT_A_RESIDENT();
  const rooms = await myRooms(tx, ctx);
  if (rooms.length === 0) throw OpinionErrors.NOT_A_RESIDENT();
  let room = rooms[0]!;
  if (input.roomId) {
    const chosen = rooms.find((r) => r.roomId === input.roomId);
    if (!chosen) throw OpinionErrors.ROOM_NOT_MINE();
    room = chosen;
  } else if (new Set(rooms.map((r) => r.compoundId)).size > 1) {
    throw OpinionErrors.ROOM_REQUIRED();
  }
  const org = addresseeOrg(await compoundServices(tx, room.compoundId), input.addressee);
  if (!org) {
    const label = ADDRESSEE_LABEL[input.addressee];
    throw OpinionErrors.ADDRESSEE_UNAVAILABLE({ zh: label.zh, en: label.en }, { addressee: input.addressee });
  }
  const now = ctx.kernel.clock.now();
  const id = newId();
  await tx
    .insertInto('op_opinions')
    .values({
      street_id: room.streetId,
      id,
      place_id: room.compoundId,
      room_id: room.roomId,
      author_person_id: personId,
      author_account_id: ctx.actor.accountId,
      author_name: ctx.actor.name,
      visibility: input.visibility,
      addressee: input.addressee,
      addressee_org_id: org.id,
      addressee_name: org.name,
      kind: input.kind,
      title: input.title,
      body: input.body,
      subject_module: subject?.module ?? null,
      subject_type: subject?.type ?? null,
      subject_id: subject?.id ?? null,
      subject_label: subject?.label ?? null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  const loaded = await loadOpinionFor(tx, ctx, id, rooms);
  await audit(tx, ctx, {
    action: 'opinions.opinion.posted',
    placeId: room.compoundId,
    subjectType: 'opinion',
    subjectId: id,
    after: loaded.row,
    detail: { visibility: input.visibility, addressee: input.addressee, kind: input.kind, ...(subject ? { about: subject } : {}) },
  });
  return presentOpinion(ctx, loaded);
}

/**
 * The hook for another module whose record a resident questions (issue 19 §3: a line of the open books): the
 * opinion is posted in the caller's transaction — the same checks, row and audit as any post — so the caller's
 * own record of it commits with it. The caller has checked the resident may see the record; `roomId` is the
 * resident's room in the record's compound.
 */
export async function postOpinionAbout(
  callerTx: AnyTx,
  ctx: Ctx,
  input: { roomId: string; addressee: Addressee; visibility: 'public' | 'private'; title: string; body: string; subject: OpinionSubject },
) {
  return insertOpinion(read(callerTx), ctx, { roomId: input.roomId, visibility: input.visibility, addressee: input.addressee, kind: 'suggestion', title: input.title, body: input.body }, input.subject);
}

/** Where the opinions about other modules' records stand (issue 19 §3), for the module that owns the records. */
export async function opinionsAbout(caller: AnyExecutor, subjectIds: readonly string[]) {
  if (!subjectIds.length) return [];
  const rows = await read(caller)
    .selectFrom('op_opinions')
    .select(['id', 'subject_id', 'title', 'body', 'status', 'answer', 'answered_at', 'addressee_name', 'hidden_at', 'created_at'])
    .where('subject_id', 'in', [...subjectIds])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  // A hidden post stays hidden here too: its text is not shown, only that it was hidden.
  return rows.map((r) => ({
    id: r.id,
    subjectId: r.subject_id!,
    title: r.hidden_at ? null : r.title,
    body: r.hidden_at ? null : r.body,
    status: r.status,
    hidden: r.hidden_at !== null,
    answer: r.hidden_at ? null : r.answer,
    answeredAt: r.answered_at,
    addresseeName: r.addressee_name,
    createdAt: r.created_at,
  }));
}
export type OpinionAbout = Awaited<ReturnType<typeof opinionsAbout>>[number];
