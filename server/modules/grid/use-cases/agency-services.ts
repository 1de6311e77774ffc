import type { Ctx } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { read } from '../grid.db.ts';
import { readableStreets } from './agency-access.ts';

export interface ServiceRow {
  id: string;
  streetId: string;
  name: string;
  documents: string[];
  timeLimitDays: number;
  payFen: number;
  active: boolean;
}

/** The services on the lists of the actor's streets (anyone with an agency permission there), by name. */
export async function listServices(ctx: Ctx, { streetId }: { streetId?: string } = {}): Promise<{ items: ServiceRow[] }> {
  const db = read(ctx);
  const streets = await readableStreets(db, ctx, streetId);
  if (!streets.length) throw CommonErrors.FORBIDDEN();
  const items = await db
    .selectFrom('grid_agency_services')
    .select(['id', 'street_id as streetId', 'name', 'documents', 'time_limit_days as timeLimitDays', 'pay_fen as payFen', 'active'])
    .where('street_id', 'in', streets)
    .orderBy('active', 'desc')
    .orderBy('name')
    .orderBy('id')
    .execute();
  return { items };
}
