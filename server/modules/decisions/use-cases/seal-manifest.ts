import type { Executor, Tx } from '../decisions.db.ts';
import type { DecisionRow } from '../decisions.repository.ts';
import { hashOf, rollKey } from '../ledger.ts';
import { presentItems } from './present-items.ts';
import { elevatorManifest } from './elevator-shares.ts';

/**
 * The frozen roll as the evidence bundle carries it: each live head by its number, with its pseudonymous key, kind,
 * area, how many owners share it and its parts' areas — no names, no rooms. Its hash is sealed into the manifest.
 */
export async function bundleRoll(db: Executor, d: Pick<DecisionRow, 'street_id' | 'id'>) {
  const [entries, parts] = await Promise.all([
    db
      .selectFrom('dec_roll_entries')
      .select(['id', 'no', 'kind', 'area_centi', 'person_ids', 'organisation_ids'])
      .where('street_id', '=', d.street_id)
      .where('decision_id', '=', d.id)
      .where('merged_into', 'is', null)
      .orderBy('no')
      .execute(),
    db.selectFrom('dec_roll_parts').select(['entry_id', 'area_centi', 'delivered']).where('street_id', '=', d.street_id).where('decision_id', '=', d.id).orderBy('room_label').execute(),
  ]);
  return entries.map((e) => ({
    no: e.no,
    key: rollKey(d.id, e.id),
    kind: e.kind,
    areaCenti: Number(e.area_centi),
    coOwners: e.kind === 'developer' ? 1 : e.person_ids.length + e.organisation_ids.length,
    parts: parts.filter((p) => p.entry_id === e.id).map((p) => ({ areaCenti: Number(p.area_centi), delivered: p.delivered })),
  }));
}

/**
 * Seals what the owners vote on when voting opens: the items with their matters and thresholds, the rules copied
 * whole (从众 among them), the period, the roll's totals and its hash. The manifest's hash starts the ballots' chain,
 * so nothing of it can change afterwards unseen. (An extension of the period is a later, audited act: the manifest
 * keeps the period as it opened.)
 */
export async function sealManifest(
  tx: Tx,
  d: Pick<DecisionRow, 'street_id' | 'id' | 'title' | 'place_label' | 'total_area_centi' | 'total_heads'>,
  opened: { rules: unknown; opensAt: Date; closesAt: Date },
) {
  const [items, roll] = await Promise.all([
    tx.selectFrom('dec_items').select(['no', 'title', 'matter', 'legal_basis', 'description', 'attachments']).where('street_id', '=', d.street_id).where('decision_id', '=', d.id).orderBy('no').execute(),
    bundleRoll(tx, d),
  ]);
  const manifest = {
    decisionId: d.id,
    title: d.title,
    scope: d.place_label,
    items: presentItems(items).map((i) => ({ no: i.no, title: i.title, matter: i.matter, threshold: i.threshold })),
    rules: opened.rules,
    opensAt: opened.opensAt.toISOString(),
    closesAt: opened.closesAt.toISOString(),
    totals: { areaCenti: Number(d.total_area_centi ?? 0), heads: d.total_heads ?? 0 },
    rollHash: hashOf(roll),
    ...(await elevatorManifest(tx, d)),
  };
  const manifestHash = hashOf(manifest);
  await tx.updateTable('dec_decisions').set({ manifest: JSON.stringify(manifest), manifest_hash: manifestHash }).where('street_id', '=', d.street_id).where('id', '=', d.id).execute();
  return { manifest, manifestHash };
}
