import { type Ctx, audit } from '../../../kernel/context.ts';
import { chinaDay } from '../../../kernel/clock.ts';
import { newId } from '../../../kernel/ids.ts';
import type { RulesSettings } from '../decisions.constants.ts';
import type { Tx } from '../decisions.db.ts';
import type { DecisionKind } from '../decisions.tables.ts';
import { settingsFor } from './rules-in-force.ts';

/** Art. 278 item (3): electing or replacing the owners' committee — always filed, whatever the rules list. */
const ELECTION_MATTER = 3;
const DAY = 24 * 60 * 60_000;

/** Whether a decision's published result is filed under its rules: elections always, otherwise when one of its items' matters is listed. */
export function isFiled(settings: RulesSettings, kind: DecisionKind, matters: readonly number[]): boolean {
  if (kind === 'election' || matters.includes(ELECTION_MATTER)) return true;
  return matters.some((m) => settings.filing.value.matters.includes(m));
}

/** The calendar day (in China) `days` after an instant's day: the last day to file. */
export const dueOn = (publishedAt: Date, days: number): string => new Date(Date.parse(`${chinaDay(publishedAt)}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

/**
 * Opens the filings of a result being published (in publish-result's transaction): when the decision's frozen rules
 * say it is filed, one filing per receiving office, waiting for the owners' committee's package, due the rules' number
 * of days after the day of publication.
 */
export async function openFilings(
  tx: Tx,
  ctx: Ctx,
  d: { street_id: string; id: string; compound_id: string; place_id: string; kind: DecisionKind; rules: unknown },
  publishedAt: Date,
): Promise<void> {
  const settings = await settingsFor(tx, d);
  const items = await tx.selectFrom('dec_items').select('matter').where('street_id', '=', d.street_id).where('decision_id', '=', d.id).execute();
  if (!isFiled(settings, d.kind, items.map((i) => i.matter))) return;
  const { offices, days } = settings.filing.value;
  if (offices.length === 0) return;
  const due = dueOn(publishedAt, days);
  const rows = offices.map((office) => ({ street_id: d.street_id, id: newId(), decision_id: d.id, office, due_on: due, status: 'pending' as const, created_at: publishedAt, updated_at: publishedAt }));
  await tx.insertInto('dec_filings').values(rows).execute();
  await audit(tx, ctx, { action: 'decisions.filings.opened', placeId: d.place_id, subjectType: 'decision', subjectId: d.id, detail: { offices, dueOn: due, clause: settings.filing.clause } });
}
