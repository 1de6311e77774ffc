import type { Ctx } from '../../../kernel/context.ts';
import { compoundServices } from '../../registry/index.ts';
import { ADDRESSEES } from '../opinions.constants.ts';
import { myRooms } from './load-opinion.ts';
import { addresseeOrg } from './post-opinion.ts';
import { read } from '../opinions.db.ts';

/** Where a resident can post: their compounds, a room in each, and the addressees each compound has. */
export async function opinionTargets(ctx: Ctx) {
  const db = read(ctx);
  const rooms = await myRooms(db, ctx);
  const compounds = new Map<string, { compoundId: string; compoundName: string; roomId: string; roomLabel: string }>();
  for (const r of rooms) {
    if (!compounds.has(r.compoundId)) compounds.set(r.compoundId, { compoundId: r.compoundId, compoundName: r.compoundName, roomId: r.roomId, roomLabel: r.roomLabel });
  }
  return {
    items: await Promise.all(
      [...compounds.values()].map(async (c) => {
        const services = await compoundServices(db, c.compoundId);
        return {
          ...c,
          addressees: ADDRESSEES.flatMap((kind) => {
            const org = addresseeOrg(services, kind);
            return org ? [{ kind, name: org.name }] : [];
          }),
        };
      }),
    ),
  };
}
