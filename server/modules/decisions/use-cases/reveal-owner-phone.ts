import { type Ctx, audit } from '../../../kernel/context.ts';
import { personContact } from '../../registry/index.ts';
import { read, write } from '../decisions.db.ts';
import { DecisionsErrors } from '../decisions.errors.ts';
import { decisionFor } from './decision-access.ts';

/**
 * 扫楼's tap-to-call: the full phone number of an owner head's representative, for a canvasser whose role may call
 * owners (DECISIONS_ROLES.callOwners), while the roll is out or voting is open. Each reveal is a read of personal
 * data and is audited; the list itself only ever shows the masked number.
 */
export async function revealOwnerPhone(ctx: Ctx, id: string, entryId: string) {
  const db = read(ctx);
  const d = await decisionFor(db, ctx.actor, id, 'callOwners', { status: ['roll_published', 'open'] });
  const entry = await db.selectFrom('dec_roll_entries').select(['no', 'representative_id']).where('street_id', '=', d.street_id).where('decision_id', '=', d.id).where('id', '=', entryId).executeTakeFirst();
  if (!entry) throw DecisionsErrors.ENTRY_NOT_FOUND();
  const contact = entry.representative_id ? await personContact(db, entry.representative_id) : null;
  if (!contact?.phoneEnc) throw DecisionsErrors.NO_PHONE();
  const phone = ctx.kernel.pii.decrypt(contact.phoneEnc);
  await write(ctx, (tx) => audit(tx, ctx, { action: 'decisions.phone.revealed', placeId: d.place_id, subjectType: 'decision', subjectId: d.id, detail: { entry: entry.no } }));
  return { phone };
}
