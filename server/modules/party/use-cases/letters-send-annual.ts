import { findPlace } from '../../../kernel/access/index.ts';
import { audit, type Ctx } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { write } from '../party.db.ts';
import { LettersErrors } from '../party.letters.errors.ts';
import { allows } from '../party.policy.ts';
import { visibleLetter } from './letters-access.ts';
import { annualLines, annualSubject, communityPartyOrgName } from './letters-lines.ts';
import { notifyLiaisons } from './letters-notify.ts';

/**
 * 发送 an annual letter: its lines and totals are frozen into `body` as they stand now (the service records may
 * change later; the letter does not), it is sent, and the organisation's liaison(s) are told.
 */
export async function sendAnnualLetter(ctx: Ctx, id: string) {
  return write(ctx, async (tx) => {
    const l = await visibleLetter(tx, ctx, id);
    if (!allows(ctx.actor, 'lettersWrite', l.communityPath)) throw CommonErrors.FORBIDDEN();
    const locked = await tx.selectFrom('pty_letters').select('status').where('street_id', '=', l.street_id).where('id', '=', l.id).forUpdate().executeTakeFirstOrThrow();
    if (l.kind !== 'annual' || locked.status !== 'draft') throw LettersErrors.WRONG_STATUS();
    const community = (await findPlace(tx, l.community_id))!;
    const { lines, totals } = await annualLines(tx, l.street_id, l.community_id, l.organisation_id, l.year!);
    const communityPartyOrg = await communityPartyOrgName(tx, l.street_id, { id: community.id, name: community.name, path: community.path });
    const subject = annualSubject(lines, l.organisation_name);
    const now = ctx.kernel.clock.now();
    await tx
      .updateTable('pty_letters')
      .set({ status: 'sent', sent_at: now, subject, body: JSON.stringify({ lines, totals, communityPartyOrg }) })
      .where('street_id', '=', l.street_id)
      .where('id', '=', l.id)
      .execute();
    const liaisons = await notifyLiaisons(tx, ctx, { streetId: l.street_id, id: l.id, kind: 'annual', communityId: l.community_id, communityName: l.communityName, organisationId: l.organisation_id, subject });
    await audit(tx, ctx, {
      action: 'party.letters.sent',
      placeId: l.community_id,
      subjectType: 'pty_letter',
      subjectId: l.id,
      after: { kind: 'annual', year: l.year, organisationName: l.organisation_name, totals, liaisonsNotified: liaisons },
    });
    return { id: l.id, status: 'sent' as const, sentAt: now, totals };
  });
}
