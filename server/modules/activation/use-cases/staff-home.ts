import { holdsAny } from '../../../kernel/access/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import type { StaffHomeSlice } from '../../../kernel/module.ts';
import { ActivationPolicy } from '../activation.policy.ts';
import { ClaimsQuery } from '../activation.schemas.ts';
import { listClaimsForReview } from './review-claims.ts';

/** The workbench home: room claims waiting for a reviewer, counted as the claims list counts them. */
export async function activationStaffHome(ctx: Ctx): Promise<StaffHomeSlice> {
  if (!holdsAny(ctx.actor, ActivationPolicy.review)) return {};
  const pending = await listClaimsForReview(ctx, ClaimsQuery.parse({ status: 'pending', pageSize: 1 }));
  return { todos: [{ key: 'claimsToReview', count: pending.total, link: '/activation/claims?status=pending' }] };
}
