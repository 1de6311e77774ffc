import { chinaDay } from '../../../kernel/clock.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { organisationsOfKind } from '../../registry/index.ts';
import type { Executor } from '../party.db.ts';
import { MemberErrors } from '../party.members.errors.ts';

/** What a member record says about where the member is organised. */
export interface Organised {
  membership: 'local' | 'employed';
  branchId?: string | null;
  workplaceOrgId?: string | null;
}

/**
 * The rules of a member's organisation: a local member's branch is a party organisation of the street's tree (any
 * level but `workplace`); an employed member's organisation is a `workplace`-level one of the street. Answers the
 * organisation (its place: where a local member without a home is filed).
 */
export async function checkOrganised(db: Executor, streetId: string, o: Organised) {
  if (o.membership === 'local') {
    const [org] = o.branchId ? await organisationsOfKind(db, 'party_org', { ids: [o.branchId] }) : [];
    if (!org || org.streetId !== streetId || org.partyLevel === 'workplace') throw MemberErrors.BRANCH_INVALID();
    return { branchId: org.id, workplaceOrgId: null, org };
  }
  const [org] = o.workplaceOrgId ? await organisationsOfKind(db, 'party_org', { ids: [o.workplaceOrgId] }) : [];
  if (!org || org.streetId !== streetId || org.partyLevel !== 'workplace') throw MemberErrors.WORKPLACE_ORG_INVALID();
  return { branchId: null, workplaceOrgId: org.id, org };
}

/** A joining date is a real day, not after today (China time). */
export function checkJoined(ctx: Ctx, joinedOn: string) {
  if (joinedOn > chinaDay(ctx.kernel.clock.now())) throw MemberErrors.JOINED_IN_FUTURE();
}
