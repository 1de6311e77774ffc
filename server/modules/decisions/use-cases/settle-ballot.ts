import type { Ctx } from '../../../kernel/context.ts';
import { notify } from '../../../kernel/notify/notify.ts';
import type { RulesSettings } from '../decisions.constants.ts';
import type { Tx } from '../decisions.db.ts';
import type { DecisionRow } from '../decisions.repository.ts';
import type { BallotChannel } from '../decisions.tables.ts';
import { shortReceipt } from '../ledger.ts';
import { chainBallot, receiptOfBallot } from './ballot-chain.ts';

/** How a checked ballot ended: counted, or kept as the duplicate of the ballot that prevails. */
export type Settled = { status: 'counted'; displaced: string | null; receipt: string | null } | { status: 'duplicate'; duplicateOf: string };

/** Which channel wins when one owner voted online and on paper (a proxy signs the owner's paper sheet). */
const prevailsOver = (settings: RulesSettings, incoming: BallotChannel, current: BallotChannel): boolean =>
  current !== 'online' && incoming !== 'online' ? false : settings.prevails.value === 'online' ? incoming === 'online' : incoming !== 'online';

/**
 * Counts a ballot that has passed its checks, in the entry's lock (the caller holds it): alone it counts; beside an
 * owner's counted ballot of the other channel the rules' precedence decides (default: online prevails) and the loser
 * is kept, marked 'duplicate' and pointing at the winner — never deleted. Two paper ballots of one head cannot both
 * be live (one live sheet per head); should it happen, the first stands.
 */
export async function settleBallot(
  tx: Tx,
  d: Pick<DecisionRow, 'street_id' | 'id'>,
  settings: RulesSettings,
  ballot: { id: string; entryId: string; channel: BallotChannel; choices: Readonly<Record<string, string>>; at: Date },
): Promise<Settled> {
  const current = await tx
    .selectFrom('dec_ballots')
    .select(['id', 'channel'])
    .where('street_id', '=', d.street_id)
    .where('decision_id', '=', d.id)
    .where('entry_id', '=', ballot.entryId)
    .where('status', '=', 'counted')
    .where('id', '!=', ballot.id)
    .executeTakeFirst();
  if (current && !prevailsOver(settings, ballot.channel, current.channel)) {
    await tx.updateTable('dec_ballots').set({ status: 'duplicate', duplicate_of: current.id }).where('street_id', '=', d.street_id).where('id', '=', ballot.id).execute();
    return { status: 'duplicate', duplicateOf: current.id };
  }
  if (current) {
    await tx.updateTable('dec_ballots').set({ status: 'duplicate', duplicate_of: ballot.id }).where('street_id', '=', d.street_id).where('id', '=', current.id).execute();
  }
  await tx.updateTable('dec_ballots').set({ status: 'counted' }).where('street_id', '=', d.street_id).where('id', '=', ballot.id).execute();
  // Counted, it joins the chain with its receipt, naming the one it displaced.
  const receipt = await chainBallot(tx, d, { ...ballot, supersedes: await receiptOfBallot(tx, d, current?.id ?? null) });
  return { status: 'counted', displaced: current?.id ?? null, receipt };
}

/** Every owner of the head hears that a ballot now counts in their name, whichever way it came in. */
export function notifyBallotCounted(
  tx: Tx,
  ctx: Ctx,
  d: Pick<DecisionRow, 'id' | 'place_id' | 'title'>,
  personIds: readonly string[],
  channel: BallotChannel,
  receipt: string | null,
): Promise<unknown> {
  const how = { online: '网上投票', paper: '纸质表决票', proxy: '委托投票' }[channel];
  const howEn = { online: 'online', paper: 'on paper', proxy: 'by proxy' }[channel];
  return notify(tx, ctx, {
    template: 'decisions.ballot_recorded',
    placeId: d.place_id,
    to: { persons: personIds },
    data: { title: d.title, id: d.id, how, howEn, receipt: receipt ? shortReceipt(receipt) : '—' },
    subject: { type: 'decision', id: d.id },
  });
}
