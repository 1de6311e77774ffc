import type { EvidenceKind, ScoringMethod } from '../supervision.sheets.constants.ts';

/**
 * The scoring of an inspection, pure (no database): the rules of migration 0053, exact. Points are integer
 * hundredths; the inspection's score is out of 100 in hundredths (0..10000), rounded half up ONCE, at the end.
 */

export interface ScoredSection {
  id: string;
  /** Per cent; the sections of an active sheet add up to 100. */
  weight: number;
}
export interface ScoredIndicator {
  id: string;
  sectionId: string;
  method: ScoringMethod;
  maxCenti: number;
  deductionCenti: number | null;
  evidence: EvidenceKind;
}
/** What the inspector entered for an indicator, and the evidence files it has. */
export interface ItemEntry {
  awardedCenti: number | null;
  findings: number;
  met: boolean | null;
  photos: number;
  documents: number;
}

/** True when the evidence the indicator requires is there (a photo, a document, or either). */
export function evidencePresent(evidence: EvidenceKind, entry: Pick<ItemEntry, 'photos' | 'documents'>): boolean {
  switch (evidence) {
    case 'none':
      return true;
    case 'photo':
      return entry.photos > 0;
    case 'document':
      return entry.documents > 0;
    case 'photo_or_document':
      return entry.photos + entry.documents > 0;
  }
}

/** The points entered, before the evidence rule: points as awarded, deductions floored at 0, yes/no all or nothing. */
export function pointsEntered(ind: ScoredIndicator, entry: ItemEntry | undefined): number {
  if (!entry) return ind.method === 'deduction' ? ind.maxCenti : 0;
  switch (ind.method) {
    case 'points':
      return Math.min(entry.awardedCenti ?? 0, ind.maxCenti);
    case 'deduction':
      return Math.max(0, ind.maxCenti - (ind.deductionCenti ?? 0) * entry.findings);
    case 'yes_no':
      return entry.met === true ? ind.maxCenti : 0;
  }
}

/** The points credited: those entered, or 0 when the required evidence is missing. */
export function creditedPoints(ind: ScoredIndicator, entry: ItemEntry | undefined): number {
  const evidenceOk = evidencePresent(ind.evidence, entry ?? { photos: 0, documents: 0 });
  return evidenceOk ? pointsEntered(ind, entry) : 0;
}

/** A finding a rectification notice can be issued for: problems found, a "no", or points below the maximum. */
export function isFinding(ind: Pick<ScoredIndicator, 'method' | 'maxCenti'>, entry: Pick<ItemEntry, 'awardedCenti' | 'findings' | 'met'>): boolean {
  switch (ind.method) {
    case 'points':
      return entry.awardedCenti !== null && entry.awardedCenti < ind.maxCenti;
    case 'deduction':
      return entry.findings > 0;
    case 'yes_no':
      return entry.met === false;
  }
}

/** round_half_up(num / den) for non-negative BigInts. */
export function divideHalfUp(num: bigint, den: bigint): bigint {
  return (2n * num + den) / (2n * den);
}

export interface SectionBreakdown {
  sectionId: string;
  weight: number;
  creditedCenti: number;
  maxCenti: number;
  /** The section's own score out of 100 in hundredths (credited / max), rounded for display. */
  percentCenti: number;
  /** What it adds to the inspection's score (weight × credited / max), rounded for display only. */
  contributionCenti: number;
}
export interface ItemBreakdown {
  indicatorId: string;
  enteredCenti: number;
  creditedCenti: number;
  evidenceMissing: boolean;
}
export interface InspectionScore {
  /** 0..10000: round_half_up(10000 × Σ_s weight_s/100 × credited_s / max_s), computed exactly. */
  scoreCenti: number;
  sections: SectionBreakdown[];
  items: ItemBreakdown[];
}

/**
 * The inspection's score and its breakdown. The sum of the weighted section fractions is kept as one exact rational
 * (BigInt numerator over the product of the sections' maxima) and rounded half up once: the per-section figures are
 * for display, and their rounded sum may differ from the score by a hundredth.
 */
export function scoreInspection(sections: ScoredSection[], indicators: ScoredIndicator[], entries: ReadonlyMap<string, ItemEntry>): InspectionScore {
  const items: ItemBreakdown[] = indicators.map((ind) => {
    const entry = entries.get(ind.id);
    const enteredCenti = pointsEntered(ind, entry);
    const creditedCenti = creditedPoints(ind, entry);
    return { indicatorId: ind.id, enteredCenti, creditedCenti, evidenceMissing: !evidencePresent(ind.evidence, entry ?? { photos: 0, documents: 0 }) };
  });
  const creditedOf = new Map(items.map((i) => [i.indicatorId, i.creditedCenti]));
  const perSection = sections.map((s) => {
    const own = indicators.filter((i) => i.sectionId === s.id);
    return { s, credited: own.reduce((a, i) => a + creditedOf.get(i.id)!, 0), max: own.reduce((a, i) => a + i.maxCenti, 0) };
  });
  // Σ_s 100 × w_s × c_s / m_s over the common denominator Π m_s (sections without indicators count nothing).
  const counted = perSection.filter((p) => p.max > 0);
  const den = counted.reduce((a, p) => a * BigInt(p.max), 1n);
  const num = counted.reduce((a, p) => a + 100n * BigInt(p.s.weight) * BigInt(p.credited) * (den / BigInt(p.max)), 0n);
  const scoreCenti = Number(divideHalfUp(num, den));
  return {
    scoreCenti,
    sections: perSection.map((p) => ({
      sectionId: p.s.id,
      weight: p.s.weight,
      creditedCenti: p.credited,
      maxCenti: p.max,
      percentCenti: p.max > 0 ? Number(divideHalfUp(10000n * BigInt(p.credited), BigInt(p.max))) : 0,
      contributionCenti: p.max > 0 ? Number(divideHalfUp(100n * BigInt(p.s.weight) * BigInt(p.credited), BigInt(p.max))) : 0,
    })),
    items,
  };
}
