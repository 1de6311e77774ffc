import type { Ctx } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { compoundsUnder } from '../../registry/index.ts';
import { read } from '../grid.db.ts';
import { allows, holdsAnywhere } from '../grid.policy.ts';
import { streetsOfActor } from './agency-access.ts';
import { GRID_ROLES } from '../grid.constants.ts';

export interface AgencyCompound {
  id: string;
  name: string;
  companyId: string | null;
  companyName: string | null;
}

/** The compounds the street may set points up at (agencyManage over them), with the company serving each. */
export async function agencyCompounds(ctx: Ctx): Promise<{ items: AgencyCompound[] }> {
  if (!holdsAnywhere(ctx.actor, 'agencyManage')) throw CommonErrors.FORBIDDEN();
  const db = read(ctx);
  const items: AgencyCompound[] = [];
  for (const streetId of await streetsOfActor(db, ctx, GRID_ROLES.agencyManage))
    for (const c of await compoundsUnder(db, streetId)) if (allows(ctx.actor, 'agencyManage', c.path)) items.push({ id: c.compoundId, name: c.name, companyId: c.companyId, companyName: c.companyName });
  return { items };
}
