import type { Ctx } from '../../../kernel/context.ts';
import { read } from '../supervision.db.ts';
import { readableSheet } from './sheet-access.ts';
import { sheetView } from './sheet-view.ts';

/** A sheet with its sections and indicators, for anyone who reads the street's sheets. */
export async function getSheet(ctx: Ctx, id: string) {
  const db = read(ctx);
  return sheetView(db, ctx, await readableSheet(db, ctx, id));
}
