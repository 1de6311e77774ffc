import { can, findPlace, isSystem, streetOf } from '../../../kernel/access/index.ts';
import { audit, type Ctx } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/ids.ts';
import { compoundsUnder, propertyCompanies } from '../../registry/index.ts';
import { GRID_ROLES } from '../grid.constants.ts';
import { CollectionErrors } from '../grid.collection.errors.ts';
import type { CommissionBody } from '../grid.collection.schemas.ts';
import { write } from '../grid.db.ts';
import { GridErrors } from '../grid.errors.ts';

/**
 * 委托采集: the street commissions the property company that manages a compound to collect there, from a day
 * (until a day, or open-ended). Its staff may then submit records in that compound, and its verified new records earn
 * the incentive. Audited.
 */
export async function createCommission(ctx: Ctx, body: CommissionBody): Promise<{ id: string }> {
  if (body.validUntil && body.validUntil < body.validFrom) throw CollectionErrors.COLLECTION_DATES();
  return write(ctx, async (tx) => {
    const compound = await findPlace(tx, body.compoundId);
    if (!compound || compound.kind !== 'compound' || !compound.street_id || !can(ctx.actor, GRID_ROLES.collectionManage, compound.path)) throw GridErrors.PLACE_NOT_FOUND();
    const streetId = streetOf(compound);
    const [company] = await propertyCompanies(tx, { streetId, ids: [body.companyId] });
    if (!company) throw CollectionErrors.COLLECTION_COMPANY_NOT_FOUND();
    const facts = (await compoundsUnder(tx, streetId, compound.path)).find((c) => c.compoundId === compound.id);
    if (facts?.companyId !== company.id) throw CollectionErrors.COLLECTION_COMPANY_NOT_OF_COMPOUND();
    const id = newId();
    await tx
      .insertInto('grid_commissions')
      .values({
        street_id: streetId,
        id,
        company_id: company.id,
        company_name: company.name,
        compound_id: compound.id,
        valid_from: body.validFrom,
        valid_until: body.validUntil ?? null,
        note: body.note,
        created_at: ctx.kernel.clock.now(),
        created_by: isSystem(ctx.actor) ? null : ctx.actor.accountId,
      })
      .execute();
    await audit(tx, ctx, {
      action: 'grid.collection.commissioned',
      placeId: compound.id,
      subjectType: 'grid_commission',
      subjectId: id,
      after: { company: company.name, compound: compound.name, validFrom: body.validFrom, validUntil: body.validUntil ?? null },
    });
    return { id };
  });
}
