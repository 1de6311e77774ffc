import type { Ctx } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { allows, holdsAnywhere } from '../supervision.policy.ts';
import { creditStreetsInScope } from './credit-access.ts';

export interface CreditStreetRow {
  streetId: string;
  streetName: string;
  /** Set the formula, sync, enter records. */
  canManage: boolean;
  /** Decide repair applications. */
  canDecide: boolean;
}

/** The streets the actor reads credit at (the pages' street choice) and what they may do at each. */
export async function listCreditStreets(ctx: Ctx): Promise<CreditStreetRow[]> {
  if (!holdsAnywhere(ctx.actor, 'creditRead')) throw CommonErrors.FORBIDDEN();
  return (await creditStreetsInScope(ctx)).map((s) => ({
    streetId: s.id,
    streetName: s.name,
    canManage: allows(ctx.actor, 'creditManage', s.path),
    canDecide: allows(ctx.actor, 'creditDecide', s.path),
  }));
}
