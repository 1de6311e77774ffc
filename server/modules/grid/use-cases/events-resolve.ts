import type { Ctx } from '../../../kernel/context.ts';
import { transition } from './events-access.ts';
import { checkFiles, storeFiles, type Upload, withFiles } from './files.ts';

/** 办结: the handling body records what it did (a note, optional photos); the dispatcher then checks and closes it. */
export function resolveEvent(ctx: Ctx, id: string, note: string, uploads: readonly Upload[]) {
  const files = checkFiles(uploads);
  return withFiles(ctx, (written) =>
    transition(ctx, id, {
      who: 'handler',
      from: ['handling'],
      to: 'resolved',
      kind: 'resolved',
      action: 'grid.events.resolved',
      note,
      set: (e) => ({ columns: { resolved_at: ctx.kernel.clock.now(), resolution_note: note }, liaisonId: e.liaisonId }),
      after: async (e, tx) => {
        await storeFiles(tx, ctx, { streetId: e.streetId, type: 'event', id: e.id, placeId: e.placeId }, files, written, { label: '处理结果' });
      },
    }),
  );
}
