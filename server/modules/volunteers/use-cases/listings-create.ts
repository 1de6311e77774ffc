import { z } from 'zod';
import { isSystem } from '../../../kernel/access/index.ts';
import { audit, type Ctx } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { newId } from '../../../kernel/ids.ts';
import { LISTING_KINDS, NAME_MAX } from '../volunteers.constants.ts';
import { write } from '../volunteers.db.ts';
import { refuseBannedWords } from './banned-words-check.ts';
import { checkPhotos, storePhotos, type Upload, withPhotos } from './photos.ts';
import { residentCompound } from './resident-compounds.ts';

/**
 * A resident's posting on the compound's neighbour board: carpooling (offering seats or seeking a ride: route, time,
 * seats), a second-hand item, a tool or a book to lend (how many days a loan may run). The kinds' own fields are
 * required for their kind and refused for the others.
 */
export const ListingBody = z
  .object({
    compoundId: z.uuid(),
    kind: z.enum(LISTING_KINDS),
    title: z.string().trim().min(1).max(NAME_MAX),
    body: z.string().trim().max(1000).default(''),
    carpoolRole: z.enum(['offer', 'seek']).optional(),
    routeFrom: z.string().trim().min(1).max(60).optional(),
    routeTo: z.string().trim().min(1).max(60).optional(),
    departsAt: z.coerce.date().optional(),
    seats: z.coerce.number().int().min(1).max(6).optional(),
    author: z.string().trim().max(60).optional(),
    loanDays: z.coerce.number().int().min(1).max(60).optional(),
  })
  .strict();
export type ListingBody = z.infer<typeof ListingBody>;

/**
 * Posts a listing for a resident of the compound: the text is checked against the street's banned words, photos are
 * checked and stored, all in one transaction with its audit entry; a refusal stores nothing. A carpool must leave in
 * the future.
 */
export async function createListing(ctx: Ctx, body: ListingBody, uploads: readonly Upload[] = []): Promise<{ id: string }> {
  const carpool = body.kind === 'carpool';
  const lendable = body.kind === 'tool' || body.kind === 'book';
  const hasCarpool = body.carpoolRole !== undefined || body.routeFrom !== undefined || body.routeTo !== undefined || body.departsAt !== undefined || body.seats !== undefined;
  if (carpool !== hasCarpool) throw CommonErrors.VALIDATION_FAILED();
  if (carpool && (!body.carpoolRole || !body.routeFrom || !body.routeTo || !body.departsAt || !body.seats)) throw CommonErrors.VALIDATION_FAILED();
  if (carpool && body.departsAt! <= ctx.kernel.clock.now()) throw CommonErrors.VALIDATION_FAILED();
  if (!lendable && body.loanDays !== undefined) throw CommonErrors.VALIDATION_FAILED();
  if (body.kind !== 'book' && body.author !== undefined) throw CommonErrors.VALIDATION_FAILED();
  const photos = checkPhotos(uploads);
  return withPhotos(ctx, (written) =>
    write(ctx, async (tx) => {
      const compound = await residentCompound(tx, ctx, body.compoundId);
      await refuseBannedWords(tx, compound.streetId, [body.title, body.body, body.routeFrom, body.routeTo, body.author]);
      const id = newId();
      const now = ctx.kernel.clock.now();
      await tx
        .insertInto('vol_listings')
        .values({
          street_id: compound.streetId,
          id,
          place_id: compound.compoundId,
          kind: body.kind,
          title: body.title,
          body: body.body,
          owner_person_id: ctx.actor.personId!,
          owner_name: ctx.actor.name,
          owner_account_id: isSystem(ctx.actor) ? null : ctx.actor.accountId,
          carpool_role: body.carpoolRole ?? null,
          route_from: body.routeFrom ?? null,
          route_to: body.routeTo ?? null,
          departs_at: body.departsAt ?? null,
          seats: body.seats ?? null,
          author: body.author ?? null,
          loan_days: lendable ? (body.loanDays ?? 14) : null,
          created_at: now,
          updated_at: now,
        })
        .execute();
      await storePhotos(tx, ctx, { streetId: compound.streetId, type: 'listing', id, placeId: compound.compoundId }, photos, written);
      await audit(tx, ctx, { action: 'volunteers.boards.listing_posted', placeId: compound.compoundId, subjectType: 'vol_listing', subjectId: id, detail: { kind: body.kind, photos: photos.length } });
      return { id };
    }),
  );
}
