import { partyBadges } from '../../party/index.ts';
import { maskName } from '../../../kernel/pii/pii.ts';
import { sql, type SqlBool } from 'kysely';
import type { Ctx } from '../../../kernel/context.ts';
import type { Executor } from '../opinions.db.ts';
import { roomsOfActor, type ResidentRoom } from '../../registry/index.ts';
import { OpinionErrors } from '../opinions.errors.ts';
import {
  mayAnswer,
  mayModerate,
  mayPromote,
  type OpinionAccessFacts,
  residentFilter,
  staffCanSee,
  staffFilter,
} from '../opinions.policy.ts';
import { findOpinion, type OpinionRow } from '../opinions.repository.ts';

/** The actor's current rooms when they are a resident (empty otherwise). */
export const myRooms = (db: Executor, ctx: Ctx): Promise<ResidentRoom[]> => roomsOfActor(db, ctx);

export const compoundIdsOf = (rooms: ResidentRoom[]) => [...new Set(rooms.map((r) => r.compoundId))];

/** Everything the actor may see: through grants, or as a resident. */
export const visibleFilter = (ctx: Ctx, rooms: ResidentRoom[]) =>
  sql<SqlBool>`(${staffFilter(ctx.actor)} or ${residentFilter(ctx.actor.personId, compoundIdsOf(rooms))})`;

export const factsOf = (row: OpinionRow): OpinionAccessFacts => ({
  visibility: row.visibility,
  addressee: row.addressee,
  hidden: row.hidden_at !== null,
  roomPath: row.room_path,
});

/**
 * Loads an opinion the actor may see, or answers 404 (the same as a missing one, so ids cannot be
 * probed). Returns the row with the actor's relation to it.
 */
export async function loadOpinionFor(db: Executor, ctx: Ctx, id: string, rooms?: ResidentRoom[]) {
  const mine = rooms ?? (await myRooms(db, ctx));
  const row = await findOpinion(db, id, ctx.actor.personId, visibleFilter(ctx, mine));
  if (!row) throw OpinionErrors.OPINION_NOT_FOUND();
  const facts = factsOf(row);
  return {
    row,
    facts,
    own: !!ctx.actor.personId && row.author_person_id === ctx.actor.personId,
    neighbour: mine.some((r) => r.compoundId === row.place_id),
    staff: staffCanSee(ctx.actor, facts),
    badge: (await partyBadges(db, [row.author_person_id])).has(row.author_person_id),
  };
}
export type LoadedOpinion = Awaited<ReturnType<typeof loadOpinionFor>>;

/** 王丽 → 王*: neighbours see who posted only roughly (kernel/pii). */
export { maskName };

/** An opinion as the API shows it to this actor, with what they may do next. */
export function presentOpinion(ctx: Ctx, loaded: LoadedOpinion) {
  const { row: o, facts, own, neighbour, staff, badge } = loaded;
  const hidden = o.hidden_at !== null;
  const answered = o.answered_at !== null;
  const moderator = mayModerate(ctx.actor, facts);
  return {
    id: o.id,
    compoundId: o.place_id,
    compoundName: o.compound_name,
    roomLabel: staff || own ? o.room_label : null,
    authorName: staff || own ? o.author_name : maskName(o.author_name),
    /** The author is a party member who chose to show it (亮明党员身份, the party module): a 「党员」 tag by the name. */
    authorPartyBadge: badge,
    mine: own,
    visibility: o.visibility,
    addressee: o.addressee,
    addresseeName: o.addressee_name,
    kind: o.kind,
    title: o.title,
    body: o.body,
    status: o.status,
    createdAt: o.created_at,
    meTooCount: Number(o.me_too_count),
    iMeToo: o.i_me_too,
    answer: o.answer,
    answeredAt: o.answered_at,
    answeredByName: staff ? o.answered_by_name : null,
    rating: o.rating,
    ratingComment: o.rating_comment,
    ratedAt: o.rated_at,
    hidden,
    hiddenAt: o.hidden_at,
    hiddenReason: moderator || own ? o.hidden_reason : null,
    hiddenByName: moderator ? o.hidden_by_name : null,
    promotedAt: o.promoted_at,
    promotedByName: staff ? o.promoted_by_name : null,
    promotionNote: staff ? o.promotion_note : null,
    deliberationRef: o.deliberation_ref,
    /** Another module's record it is about (a line of the open books), with the label shown ("2026-11 账目 第 3 行"). */
    subject: o.subject_module && o.subject_type && o.subject_id && o.subject_label ? { module: o.subject_module, type: o.subject_type, id: o.subject_id, label: o.subject_label } : null,
    can: {
      answer: !answered && !hidden && mayAnswer(ctx.actor, facts),
      rate: own && answered && o.rating === null,
      meToo: o.visibility === 'public' && !hidden && neighbour && !own && !o.i_me_too,
      withdrawMeToo: o.i_me_too && !hidden,
      hide: moderator && !hidden,
      unhide: moderator && hidden,
      promote: !hidden && o.status !== 'promoted' && mayPromote(ctx.actor, facts),
    },
  };
}
export type OpinionView = ReturnType<typeof presentOpinion>;

/** A list row: the same view without recomputing visibility per row (the list query filtered already). */
export function presentRow(ctx: Ctx, row: OpinionRow, rooms: ResidentRoom[], badges: ReadonlySet<string> = new Set()) {
  const facts = factsOf(row);
  return presentOpinion(ctx, {
    row,
    facts,
    own: !!ctx.actor.personId && row.author_person_id === ctx.actor.personId,
    neighbour: rooms.some((r) => r.compoundId === row.place_id),
    staff: staffCanSee(ctx.actor, facts),
    badge: badges.has(row.author_person_id),
  });
}

/** The authors of a page of rows who show their party identity (the party module's `partyBadges`). */
export const authorBadges = (db: Executor, rows: readonly OpinionRow[]) => partyBadges(db, rows.map((r) => r.author_person_id));
