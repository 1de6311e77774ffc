import { hashOf } from '../ledger.ts';
import type { Executor } from '../decisions.db.ts';
import { loadDecisionRow } from '../decisions.repository.ts';
import type { StoredFile } from '../decisions.tables.ts';
import { electionMembers } from './election-members.ts';
import { assembleBundle } from './export-bundle.ts';
import type { FilingRow } from './filing-access.ts';

export const FILING_FORMAT = 'gongzhi.decision-filing/1';

/**
 * The package a filing submits (备案材料), built by the server from what the decision recorded: the published result,
 * the roll's snapshot (its totals and the hash sealed into the manifest), the rules copy the decision ran under, the
 * hash of the public evidence bundle as it stood at publication (so anyone holding that bundle can match it), the
 * minutes file's SHA-256 and, for an election, the elected and alternates with every department's vetting record.
 * Hashed over its canonical JSON (ledger.ts): what the office acknowledges is exactly this.
 */
export async function buildFilingPackage(db: Executor, f: FilingRow, minutes: StoredFile, submitted: { version: number; note: string; at: Date; byName: string }) {
  const d = (await loadDecisionRow(db, f.decision_id))!;
  const manifest = d.manifest as { rollHash?: string; totals?: { areaCenti: number; heads: number } } | null;
  const bundle = d.manifest_hash ? await assembleBundle(db, d, 'public', d.published_at ?? d.updated_at) : null;
  const members = d.kind === 'election' ? await electionMembers(db, d.street_id, d.id) : null;
  const pkg = {
    format: FILING_FORMAT,
    office: f.office,
    version: submitted.version,
    decision: { id: d.id, title: d.title, kind: d.kind, scope: d.place_label, organiserKind: d.organiser_kind, publishedAt: d.published_at?.toISOString() ?? null },
    result: d.result,
    roll: {
      totals: { heads: d.total_heads ?? 0, areaCenti: Number(d.total_area_centi ?? 0) },
      hash: manifest?.rollHash ?? null,
      manifestHash: d.manifest_hash,
    },
    rules: d.rules,
    evidenceBundleHash: bundle ? hashOf(bundle) : null,
    minutes: { name: minutes.name, mime: minutes.mime, size: minutes.size, sha256: minutes.sha256 },
    members,
    note: submitted.note,
    submittedAt: submitted.at.toISOString(),
    submittedBy: submitted.byName,
  };
  return { pkg, hash: hashOf(pkg) };
}
export type FilingPackage = Awaited<ReturnType<typeof buildFilingPackage>>['pkg'];
