import type { Ctx } from '../../../kernel/context.ts';
import type { StaffHomeSlice } from '../../../kernel/module.ts';
import { read } from '../decisions.db.ts';
import { placeFilter } from '../decisions.policy.ts';
import { vettingQueueCount } from './vetting-queue.ts';

/**
 * The organiser's to-dos on the workbench home: objections to a roll waiting for an answer, votes whose period
 * is over (to close), and counted results not yet published. Counted with the lists' own filter.
 */
export async function decisionsStaffHome(ctx: Ctx): Promise<StaffHomeSlice> {
  const db = read(ctx);
  const now = ctx.kernel.clock.now();
  const scoped = db
    .selectFrom('dec_decisions as d')
    .innerJoin('street_places as p', (j) => j.onRef('p.street_id', '=', 'd.street_id').onRef('p.id', '=', 'd.place_id'))
    .where(placeFilter(ctx.actor, 'organise', 'd.place_id', 'p.path'));
  const [objections, toClose, toPublish, toVet] = await Promise.all([
    scoped
      .innerJoin('dec_objections as o', (j) => j.onRef('o.street_id', '=', 'd.street_id').onRef('o.decision_id', '=', 'd.id'))
      .where('o.status', '=', 'open')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    scoped.where('d.status', '=', 'open').where('d.closes_at', '<=', now).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    scoped.where('d.status', '=', 'closed').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    // A reviewer of a vetting department: candidates waiting for their department's verdict (elections).
    vettingQueueCount(ctx),
  ]);
  const todos = [
    { key: 'decisionObjections', count: Number(objections.n), link: '/decisions?status=roll_published' },
    { key: 'decisionsToClose', count: Number(toClose.n), link: '/decisions?status=open' },
    { key: 'decisionsToPublish', count: Number(toPublish.n), link: '/decisions?status=closed' },
    { key: 'candidatesToVet', count: toVet, link: '/decisions/vetting/queue' },
  ].filter((t) => t.count > 0);
  return { todos };
}
