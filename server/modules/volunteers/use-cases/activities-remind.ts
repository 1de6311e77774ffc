import { SYSTEM_ACTOR } from '../../../kernel/access/index.ts';
import { audit, type Ctx, type Kernel } from '../../../kernel/context.ts';
import type { Job } from '../../../kernel/jobs/jobs.ts';
import { notify } from '../../../kernel/notify/notify.ts';
import { read, write } from '../volunteers.db.ts';
import { shanghaiTime } from './activities-access.ts';

/** Activities handled per run; the next run takes the rest. */
const BATCH = 200;
/** Those signed up are reminded once, within this long before the start. */
export const REMIND_BEFORE_MS = 24 * 3_600_000;

/**
 * Reminds those signed up for a published activity starting within the next 24 hours, once per activity (its
 * `reminded_at`): each activity is its own transaction with its notice and audit entry. "Now" is the kernel's clock.
 */
export async function remindActivities(kernel: Kernel): Promise<{ reminded: number; persons: number }> {
  const ctx: Ctx = { kernel, actor: SYSTEM_ACTOR };
  const now = kernel.clock.now();
  const due = await read(kernel)
    .selectFrom('vol_activities')
    .select(['street_id', 'id'])
    .where('status', '=', 'published')
    .where('reminded_at', 'is', null)
    .where('starts_at', '>', now)
    .where('starts_at', '<=', new Date(now.getTime() + REMIND_BEFORE_MS))
    .orderBy('starts_at')
    .orderBy('id')
    .limit(BATCH)
    .execute();
  let reminded = 0;
  let persons = 0;
  for (const d of due) {
    persons += await write(ctx, async (tx) => {
      const a = await tx
        .selectFrom('vol_activities')
        .select(['place_id', 'title', 'venue', 'starts_at', 'status', 'reminded_at'])
        .where('street_id', '=', d.street_id)
        .where('id', '=', d.id)
        .forUpdate()
        .executeTakeFirst();
      if (!a || a.status !== 'published' || a.reminded_at) return 0;
      await tx.updateTable('vol_activities').set({ reminded_at: now }).where('street_id', '=', d.street_id).where('id', '=', d.id).execute();
      const to = await tx.selectFrom('vol_activity_signups').select('person_id').where('street_id', '=', d.street_id).where('activity_id', '=', d.id).where('status', '=', 'signed_up').execute();
      if (to.length)
        await notify(tx, ctx, {
          template: 'volunteers.activities.reminder',
          placeId: a.place_id,
          to: { persons: to.map((p) => p.person_id) },
          data: { title: a.title, at: shanghaiTime(a.starts_at), venue: a.venue },
          subject: { type: 'vol_activity', id: d.id },
        });
      await audit(tx, ctx, { action: 'volunteers.activities.reminded', placeId: a.place_id, subjectType: 'vol_activity', subjectId: d.id, detail: { persons: to.length } });
      reminded++;
      return to.length;
    });
  }
  return { reminded, persons };
}

export const remindActivitiesJob: Job = { name: 'volunteers.activities.remind', everyMs: 10 * 60_000, run: remindActivities };
