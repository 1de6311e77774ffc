import { findPlace } from '../../../kernel/access/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { allows } from '../volunteers.policy.ts';
import { read } from '../volunteers.db.ts';
import type { PhotoSubject } from '../volunteers.tables.ts';
import { photoContent } from './photos.ts';
import { compoundsOfResident } from './resident-compounds.ts';

const STAFF_READ = { task: 'tasksRead', listing: 'boardsRead', care: 'greenRead' } as const;

/**
 * A photo for those who may see it: staff who may read its kind of record at its place; whoever uploaded it; and,
 * for a listing that is not hidden and a plot's care record, the residents of its compound (a task's photos show the
 * people it served, so they stay with staff and the volunteer).
 */
export async function viewPhoto(ctx: Ctx, id: string): Promise<{ mime: string; content: Buffer }> {
  return photoContent(ctx, id, async (subject: { streetId: string; type: PhotoSubject; id: string; placeId: string }) => {
    const db = read(ctx);
    const place = await findPlace(db, subject.placeId);
    if (!place) return false;
    if (allows(ctx.actor, STAFF_READ[subject.type], place.path)) return true;
    const uploader = await db.selectFrom('vol_photos').select('uploaded_by').where('street_id', '=', subject.streetId).where('subject_id', '=', subject.id).where('uploaded_by', '=', ctx.actor.accountId).limit(1).executeTakeFirst();
    if (uploader) return true;
    if (subject.type === 'task') return false;
    if (subject.type === 'listing') {
      const listing = await db.selectFrom('vol_listings').select('hidden_at').where('street_id', '=', subject.streetId).where('id', '=', subject.id).executeTakeFirst();
      if (!listing || listing.hidden_at) return false;
    }
    return (await compoundsOfResident(db, ctx)).some((c) => place.path.startsWith(c.compoundPath));
  });
}
