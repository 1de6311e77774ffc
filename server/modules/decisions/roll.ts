/**
 * Who counts as one owner (one head) on the roll — Supreme People's Court interpretation on building
 * ownership (法释〔2009〕7号), arts. 8–9, as DOMAIN.md §4 states them:
 *
 * - area is each exclusive part's own area (register, else surveyed, else contract), in hundredths of m²;
 * - one head per exclusive part, except:
 *   - the developer's unsold parts AND parts sold but not yet delivered count as ONE head together,
 *     with all their area (the developer votes for them);
 *   - one buyer with several parts is one head: a buyer is the same person or the same set of
 *     co-owners, so a person who owns one part alone and co-owns another counts in both heads;
 * - the co-owners of one part are one head and vote through one representative.
 *
 * Pure: the roll is built from a snapshot of the registry taken when it is published.
 */

export interface PartOwner {
  /** A registry person, or an organisation (a company owning a shop; the developer). */
  personId: string | null;
  organisationId: string | null;
  /** The organisation is the compound's developer (建设单位). */
  developer: boolean;
  relation: 'owner' | 'co_owner';
  shareBp: number | null;
}

export interface PartInput {
  roomId: string;
  areaCenti: number;
  /** Delivered to its buyer (a delivery date on or before the snapshot). */
  delivered: boolean;
  owners: readonly PartOwner[];
}

export interface RollEntryDraft {
  /** A stable key: 'developer', or the sorted owner keys joined. */
  key: string;
  kind: 'owners' | 'developer';
  roomIds: string[];
  areaCenti: number;
  /** Owner persons who may vote for the entry (through the representative for co-owners). */
  personIds: string[];
  organisationIds: string[];
  /** The person who casts the entry's ballot online; null for the developer or an organisation. */
  representativeId: string | null;
}

const ownerKey = (o: PartOwner): string => (o.personId ? `p:${o.personId}` : `o:${o.organisationId}`);

/**
 * The representative of co-owners: the one recorded as 业主 over the 共有人, then the largest share,
 * then the smallest id — deterministic, so a re-published roll names the same person. An organisation
 * (no person) has none: it votes on paper (Decisions 2/4).
 */
function representativeOf(owners: readonly PartOwner[]): string | null {
  const persons = owners.filter((o) => o.personId);
  if (persons.length === 0 || persons.length !== owners.length) return null;
  const ranked = [...persons].sort(
    (a, b) =>
      (a.relation === 'owner' ? 0 : 1) - (b.relation === 'owner' ? 0 : 1) ||
      (b.shareBp ?? 0) - (a.shareBp ?? 0) ||
      (a.personId! < b.personId! ? -1 : a.personId! > b.personId! ? 1 : 0),
  );
  return ranked[0]!.personId;
}

/** Groups the exclusive parts into heads. Every part lands in exactly one entry; totals are the sums. */
export function buildRoll(parts: readonly PartInput[]): { entries: RollEntryDraft[]; totalAreaCenti: number; totalHeads: number } {
  const entries = new Map<string, RollEntryDraft>();
  for (const part of parts) {
    if (!Number.isSafeInteger(part.areaCenti) || part.areaCenti < 0) throw new Error(`roll: bad area for room ${part.roomId}`);
    // No recorded owner, a developer's title, or sold but not delivered: the developer's one head.
    const developer = part.owners.length === 0 || !part.delivered || part.owners.some((o) => o.developer);
    const distinct = [...new Map(part.owners.map((o) => [ownerKey(o), o])).values()];
    const key = developer ? 'developer' : distinct.map(ownerKey).sort().join('+');
    let entry = entries.get(key);
    if (!entry) {
      entry = {
        key,
        kind: developer ? 'developer' : 'owners',
        roomIds: [],
        areaCenti: 0,
        personIds: developer ? [] : distinct.flatMap((o) => (o.personId ? [o.personId] : [])).sort(),
        organisationIds: developer ? [] : distinct.flatMap((o) => (o.organisationId ? [o.organisationId] : [])).sort(),
        representativeId: developer ? null : representativeOf(distinct),
      };
      entries.set(key, entry);
    }
    entry.roomIds.push(part.roomId);
    entry.areaCenti += part.areaCenti;
  }
  const list = [...entries.values()];
  return { entries: list, totalAreaCenti: list.reduce((s, e) => s + e.areaCenti, 0), totalHeads: list.length };
}
