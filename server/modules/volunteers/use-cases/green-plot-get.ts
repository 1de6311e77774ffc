import { chinaDay } from '../../../kernel/clock.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { read } from '../volunteers.db.ts';
import { type AdoptionRow, adoptionRows, plotFor } from './green-access.ts';
import { type CareRecord, careRecordsOf } from './green-care-list.ts';
import { type PlotListRow, presentPlot } from './green-plots-list.ts';

export type StaffAdoption = Omit<AdoptionRow, 'compoundPath' | 'accountId'>;

/** A plot for staff: its facts, every adoption (newest first) and its care records with photos. */
export async function getPlot(ctx: Ctx, id: string): Promise<{ plot: PlotListRow; adoptions: StaffAdoption[]; care: CareRecord[] }> {
  const db = read(ctx);
  const plot = await plotFor(db, ctx, id, chinaDay(ctx.kernel.clock.now()), 'greenRead');
  const adoptions = (await adoptionRows(db).where('a.street_id', '=', plot.streetId).where('a.plot_id', '=', plot.id).orderBy('a.created_at', 'desc').orderBy('a.id', 'desc').execute()) as AdoptionRow[];
  return {
    plot: presentPlot(ctx, plot),
    adoptions: adoptions.map(({ compoundPath: _p, accountId: _a, ...a }) => a),
    care: await careRecordsOf(db, plot.streetId, plot.id),
  };
}
