import type { Ctx } from '../../../kernel/context.ts';
import { type ResidentRoom, roomsOfActor } from '../../registry/index.ts';
import { VolunteersErrors } from '../volunteers.errors.ts';
import type { Executor } from '../volunteers.db.ts';

export interface ResidentCompound {
  streetId: string;
  compoundId: string;
  compoundName: string;
  compoundPath: string;
}

/** The compounds the acting resident lives in now (each once), from the registry's current households. */
export async function compoundsOfResident(db: Executor, ctx: Ctx): Promise<ResidentCompound[]> {
  const rooms: ResidentRoom[] = await roomsOfActor(db, ctx);
  const seen = new Map<string, ResidentCompound>();
  for (const r of rooms) if (!seen.has(r.compoundId)) seen.set(r.compoundId, { streetId: r.streetId, compoundId: r.compoundId, compoundName: r.compoundName, compoundPath: r.compoundPath });
  return [...seen.values()];
}

/** The compound, when the acting resident lives in it now; otherwise NOT_A_RESIDENT (the boards, lending, adoption). */
export async function residentCompound(db: Executor, ctx: Ctx, compoundId: string): Promise<ResidentCompound> {
  const found = (await compoundsOfResident(db, ctx)).find((c) => c.compoundId === compoundId);
  if (!found) throw VolunteersErrors.NOT_A_RESIDENT();
  return found;
}
