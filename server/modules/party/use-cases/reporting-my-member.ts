import type { Ctx } from '../../../kernel/context.ts';
import type { Executor } from '../party.db.ts';
import { PartyErrors } from '../party.errors.ts';
import { ReportingErrors } from '../party.reporting.errors.ts';
import { type MemberRow, memberOfPerson } from './member-of-person.ts';

/** The acting resident's active member record (403 NOT_A_MEMBER when none). */
export async function myMember(db: Executor, ctx: Ctx): Promise<MemberRow> {
  const member = ctx.actor.personId ? await memberOfPerson(db, ctx.actor.personId) : undefined;
  if (!member || member.status !== 'active') throw PartyErrors.NOT_A_MEMBER();
  return member;
}

/** The acting resident's active employed member record: a local member reports nowhere (403 NOT_EMPLOYED_MEMBER). */
export async function myEmployedMember(db: Executor, ctx: Ctx): Promise<MemberRow> {
  const member = await myMember(db, ctx);
  if (member.membership !== 'employed') throw ReportingErrors.NOT_EMPLOYED_MEMBER();
  return member;
}

/** The community the member's report was confirmed at (only a confirmed report counts), or undefined. */
export async function confirmedCommunityOf(db: Executor, member: Pick<MemberRow, 'id' | 'streetId'>): Promise<string | undefined> {
  const row = await db
    .selectFrom('pty_member_reports')
    .select('community_id')
    .where('street_id', '=', member.streetId)
    .where('member_id', '=', member.id)
    .where('status', '=', 'confirmed')
    .executeTakeFirst();
  return row?.community_id;
}
