import type { Executor } from '../decisions.db.ts';
import type { DecisionRow } from '../decisions.repository.ts';
import type { Choice } from '../tally.ts';

/**
 * An election's ballot elects up to N of M: marking more candidates 同意 than there are seats spoils it (online it
 * is refused, a paper sheet is recorded invalid). Answers the seats when the choices go over them, else null.
 */
export async function overSeats(db: Executor, d: Pick<DecisionRow, 'street_id' | 'id' | 'kind'>, choices: Readonly<Record<string, Choice>>): Promise<{ seats: number } | null> {
  if (d.kind !== 'election') return null;
  const e = await db.selectFrom('dec_elections').select('seats').where('street_id', '=', d.street_id).where('decision_id', '=', d.id).executeTakeFirst();
  if (!e) return null;
  const chosen = Object.values(choices).filter((c) => c === 'for').length;
  return chosen > e.seats ? { seats: e.seats } : null;
}
