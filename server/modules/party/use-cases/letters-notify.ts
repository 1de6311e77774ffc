import { chinaDay } from '../../../kernel/clock.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { notify } from '../../../kernel/notify/notify.ts';
import { currentPositions } from '../../registry/index.ts';
import type { Tx } from '../party.db.ts';
import { LETTER_KIND_ZH } from '../party.letters.constants.ts';

/**
 * Tells the organisation's liaison(s) — the persons holding a position in it today, through their matched accounts —
 * that a letter was sent to it (in-app). Answers how many accounts were reached.
 */
export async function notifyLiaisons(
  tx: Tx,
  ctx: Ctx,
  letter: { streetId: string; id: string; kind: 'annual' | 'admonition'; communityId: string; communityName: string; organisationId: string; subject: string },
): Promise<number> {
  const held = await currentPositions(tx, { streetId: letter.streetId, day: chinaDay(ctx.kernel.clock.now()), organisationIds: [letter.organisationId] });
  const persons = [...new Set(held.map((p) => p.personId))];
  if (persons.length === 0) return 0;
  const sent = await notify(tx, ctx, {
    template: 'party.letters_sent',
    placeId: letter.communityId,
    to: { persons },
    data: { communityName: letter.communityName, kindZh: LETTER_KIND_ZH[letter.kind], subject: letter.subject, letterId: letter.id },
    subject: { type: 'pty_letter', id: letter.id },
  });
  return sent.recipients;
}
