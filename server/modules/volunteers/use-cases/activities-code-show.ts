import type { Ctx } from '../../../kernel/context.ts';
import { CODE_WINDOW_MS } from '../volunteers.activities.constants.ts';
import { VolActivitiesErrors } from '../volunteers.activities.errors.ts';
import { read } from '../volunteers.db.ts';
import { activityFor } from './activities-access.ts';
import { type CheckMode, codeAt, windowOf } from './activities-code.ts';

export interface CodeView {
  activityId: string;
  title: string;
  mode: CheckMode;
  code: string;
  /** When this code's window ends (the page refreshes then); the server still accepts it for one more window. */
  refreshAt: Date;
  windowSeconds: number;
}

/**
 * The current sign-in (签到) or sign-out (签退) code of a published activity, for the organiser's phone: its managers
 * only. The code changes every window; the secret it is made from stays on the server.
 */
export async function currentCode(ctx: Ctx, id: string, mode: CheckMode): Promise<CodeView> {
  const db = read(ctx);
  const a = await activityFor(db, ctx, id, 'activitiesManage');
  if (a.status !== 'published') throw VolActivitiesErrors.ACTIVITY_CLOSED();
  const { code_secret } = await db.selectFrom('vol_activities').select('code_secret').where('street_id', '=', a.streetId).where('id', '=', a.id).executeTakeFirstOrThrow();
  const now = ctx.kernel.clock.now();
  const w = windowOf(now);
  return { activityId: a.id, title: a.title, mode, code: codeAt(code_secret, mode, w), refreshAt: new Date((w + 1) * CODE_WINDOW_MS), windowSeconds: CODE_WINDOW_MS / 1000 };
}
