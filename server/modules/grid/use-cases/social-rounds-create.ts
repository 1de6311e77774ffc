import { audit, type Ctx } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/ids.ts';
import { write } from '../grid.db.ts';
import { SocialErrors } from '../grid.social.errors.ts';
import type { RoundBody } from '../grid.social.schemas.ts';
import { accountOf, socialPlace } from './social-access.ts';

/** ventureApprove opens a 公益创投 round (a draft) at the street or a community: its pool, per-project cap and call dates. Audited. */
export async function createRound(ctx: Ctx, body: RoundBody): Promise<{ id: string }> {
  return write(ctx, async (tx) => {
    const place = await socialPlace(tx, ctx, body.placeId, 'ventureApprove');
    if (body.capFen > body.poolFen || body.closesOn < body.opensOn) throw SocialErrors.VENTURE_ROUND_INVALID();
    const id = newId();
    await tx
      .insertInto('grid_venture_rounds')
      .values({
        street_id: place.street_id,
        id,
        place_id: place.id,
        title: body.title,
        year: body.year,
        pool_fen: body.poolFen,
        cap_fen: body.capFen,
        opens_on: body.opensOn,
        closes_on: body.closesOn,
        created_by: accountOf(ctx),
        created_at: ctx.kernel.clock.now(),
      })
      .execute();
    await audit(tx, ctx, { action: 'grid.social.round_created', placeId: place.id, subjectType: 'grid_venture_round', subjectId: id, detail: { title: body.title, year: body.year, poolFen: body.poolFen, capFen: body.capFen } });
    return { id };
  });
}
