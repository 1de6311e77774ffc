import { type Ctx, audit } from '../../../kernel/context.ts';
import { type Executor, read, write } from '../decisions.db.ts';
import { DecisionsErrors } from '../decisions.errors.ts';
import { type DecisionRow, loadDecisionRow } from '../decisions.repository.ts';
import { BUNDLE_FORMAT, rollKey } from '../ledger.ts';
import { decisionFor } from './decision-access.ts';
import { bundleRoll } from './seal-manifest.ts';

const SEALED = ['open', 'closed', 'published'] as const;

/**
 * The evidence bundle of a decision (docs/decision-bundle.md, version 1): the manifest sealed at opening and its hash,
 * the roll by pseudonymous keys, the chain with its published heads and, in the full version, every ballot with its
 * receipt, nonce, choices, channel and time, and the result — all an independent verifier needs to recount.
 * The public version leaves out the ballots (choices by pseudonym) and, until it is published, the result.
 */
export async function assembleBundle(db: Executor, d: DecisionRow, version: 'full' | 'public', now: Date) {
  if (!d.manifest_hash) throw DecisionsErrors.NOT_SEALED();
  const [roll, links, heads, ballots] = await Promise.all([
    bundleRoll(db, d),
    db.selectFrom('dec_chain').selectAll().where('street_id', '=', d.street_id).where('decision_id', '=', d.id).orderBy('seq').execute(),
    db.selectFrom('dec_chain_heads').select(['seq', 'hash', 'published_at']).where('street_id', '=', d.street_id).where('decision_id', '=', d.id).orderBy('published_at').execute(),
    version === 'full'
      ? db.selectFrom('dec_ballots').select(['id', 'entry_id', 'receipt', 'nonce', 'choices', 'channel', 'status']).where('street_id', '=', d.street_id).where('decision_id', '=', d.id).where('receipt', 'is not', null).execute()
      : Promise.resolve([]),
  ]);
  const linkOf = new Map(links.filter((l) => l.ballot_id).map((l) => [l.ballot_id!, l]));
  return {
    format: BUNDLE_FORMAT,
    public: version === 'public',
    exportedAt: now.toISOString(),
    decision: { id: d.id, title: d.title, status: d.status },
    manifest: d.manifest,
    manifestHash: d.manifest_hash,
    roll,
    ballots: ballots
      .map((b) => ({
        receipt: b.receipt!,
        nonce: b.nonce!,
        key: rollKey(d.id, b.entry_id),
        choices: b.choices,
        channel: b.channel,
        // The time the ballot counted: its link's (a paper ballot counts when its check is done).
        at: linkOf.get(b.id)?.at.toISOString() ?? null,
        status: b.status,
        seq: linkOf.get(b.id)?.seq ?? null,
      }))
      .sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0))
      .map(({ seq: _seq, ...b }) => b),
    chain: links.map((l) =>
      l.kind === 'close'
        ? { seq: l.seq, kind: 'close' as const, hash: l.hash }
        : { seq: l.seq, kind: 'ballot' as const, receipt: l.receipt!, at: l.at.toISOString(), channel: l.channel!, supersedes: l.supersedes, hash: l.hash },
    ),
    heads: heads.map((h) => ({ seq: h.seq, hash: h.hash, publishedAt: h.published_at.toISOString() })),
    tally: (version === 'full' && (d.status === 'closed' || d.status === 'published')) || d.status === 'published' ? d.result : null,
  };
}

/**
 * 证据包 for the scrutineers, the owners' committee and the street (and, through them, a court): it reveals the choices
 * by pseudonym, so each download is audited.
 */
export async function exportBundle(ctx: Ctx, id: string) {
  const db = read(ctx);
  const d = await decisionFor(db, ctx.actor, id, 'seeChoices', { status: SEALED });
  const bundle = await assembleBundle(db, d, 'full', ctx.kernel.clock.now());
  await write(ctx, (tx) =>
    audit(tx, ctx, { action: 'decisions.bundle.exported', placeId: d.place_id, subjectType: 'decision', subjectId: d.id, detail: { ballots: bundle.ballots.length, links: bundle.chain.length } }),
  );
  return bundle;
}

/** The public version, for anyone: receipts, the chain and its heads, the roll by keys; no choices, no names. */
export async function publicBundle(kernel: Ctx['kernel'], id: string) {
  const d = await loadDecisionRow(read(kernel), id);
  if (!d || !d.manifest_hash || !(SEALED as readonly string[]).includes(d.status)) throw DecisionsErrors.DECISION_NOT_FOUND();
  return assembleBundle(read(kernel), d, 'public', kernel.clock.now());
}
