import type { Executor } from '../supervision.db.ts';

export interface CivilityInspectionState {
  id: string;
  status: 'draft' | 'submitted';
  scoreCenti: number | null;
  period: string;
  inspectorName: string;
  submittedAt: Date | null;
  /** How many indicators the sheet it was made on has. */
  indicators: number;
}

/**
 * The state of an inspection another part links to (the stars part's application → its civility inspection): the
 * sheets part's record, read here so that no other part queries its tables. Undefined when it no longer exists (a
 * draft deleted by mistake) or is not a civility inspection.
 */
export async function civilityInspectionState(db: Executor, streetId: string, inspectionId: string): Promise<CivilityInspectionState | undefined> {
  const row = await db
    .selectFrom('sup_inspections as i')
    .innerJoin('sup_sheets as s', (j) => j.onRef('s.street_id', '=', 'i.street_id').onRef('s.id', '=', 'i.sheet_id'))
    .select(['i.id', 'i.status', 'i.score_centi as scoreCenti', 'i.period', 'i.inspector_name as inspectorName', 'i.submitted_at as submittedAt'])
    .select((eb) =>
      eb
        .selectFrom('sup_inspection_items as it')
        .select((x) => x.fn.countAll<number>().as('n'))
        .whereRef('it.street_id', '=', 'i.street_id')
        .whereRef('it.inspection_id', '=', 'i.id')
        .as('indicators'),
    )
    .where('i.street_id', '=', streetId)
    .where('i.id', '=', inspectionId)
    .where('s.kind', '=', 'civility')
    .executeTakeFirst();
  return row ? { ...row, indicators: Number(row.indicators ?? 0) } : undefined;
}
