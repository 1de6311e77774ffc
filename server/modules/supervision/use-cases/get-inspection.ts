import type { Ctx } from '../../../kernel/context.ts';
import { read } from '../supervision.db.ts';
import { visibleInspection } from './inspection-access.ts';
import { inspectionView } from './inspection-view.ts';

/** An inspection with its entries, evidence and breakdown, for whoever may see it. */
export async function getInspection(ctx: Ctx, id: string) {
  const db = read(ctx);
  return inspectionView(db, ctx, await visibleInspection(db, ctx, id));
}
