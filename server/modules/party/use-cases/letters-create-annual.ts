import { chinaDay } from '../../../kernel/clock.ts';
import { audit, type Ctx } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/ids.ts';
import { accountOf, writableCommunity } from './letters-access.ts';
import { organisationsOfKind } from '../../registry/index.ts';
import { type Tx, write } from '../party.db.ts';
import { LettersErrors } from '../party.letters.errors.ts';
import type { AnnualLetterBody } from '../party.letters.schemas.ts';

import { annualLines, annualSubject } from './letters-lines.ts';

/** A workplace party organisation of the street (the letters' addressee); else NOT_A_WORKPLACE_ORG. */
export async function workplaceOrg(tx: Tx, streetId: string, organisationId: string) {
  const [org] = await organisationsOfKind(tx, 'party_org', { ids: [organisationId] });
  if (!org || org.streetId !== streetId || org.partyLevel !== 'workplace') throw LettersErrors.NOT_A_WORKPLACE_ORG();
  return org;
}

/**
 * 生成年度函: a draft annual letter from a community to a workplace organisation for a year (not in the future),
 * one per community, organisation and year (a rejected one aside). Its lines stay live until it is sent.
 */
export async function createAnnualLetter(ctx: Ctx, input: AnnualLetterBody) {
  return write(ctx, async (tx) => {
    const community = await writableCommunity(tx, ctx, input.communityId);
    const streetId = community.street_id!;
    const org = await workplaceOrg(tx, streetId, input.organisationId);
    if (input.year > Number(chinaDay(ctx.kernel.clock.now()).slice(0, 4))) throw LettersErrors.YEAR_IN_FUTURE();
    const existing = await tx
      .selectFrom('pty_letters')
      .select('id')
      .where('street_id', '=', streetId)
      .where('kind', '=', 'annual')
      .where('community_id', '=', community.id)
      .where('organisation_id', '=', org.id)
      .where('year', '=', input.year)
      .where('status', '<>', 'rejected')
      .executeTakeFirst();
    if (existing) throw LettersErrors.LETTER_EXISTS();
    const { lines } = await annualLines(tx, streetId, community.id, org.id, input.year);
    const id = newId();
    const subject = annualSubject(lines, org.name);
    await tx
      .insertInto('pty_letters')
      .values({
        street_id: streetId,
        id,
        kind: 'annual',
        community_id: community.id,
        organisation_id: org.id,
        organisation_name: org.name,
        year: input.year,
        subject,
        status: 'draft',
        created_by: accountOf(ctx),
        created_at: ctx.kernel.clock.now(),
      })
      .execute();
    await audit(tx, ctx, {
      action: 'party.letters.created',
      placeId: community.id,
      subjectType: 'pty_letter',
      subjectId: id,
      after: { kind: 'annual', organisationId: org.id, organisationName: org.name, year: input.year },
    });
    return { id, status: 'draft' as const, subject };
  });
}
