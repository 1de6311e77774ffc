import { type Actor, ancestorOfKind, can, findPlace, type PlaceRow, ROLE_LABELS } from '../../../kernel/access/index.ts';
import type { Executor } from '../notices.db.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { compoundServices } from '../../registry/index.ts';
import { NoticeErrors } from '../notices.errors.ts';
import { NoticesPolicy, type PublisherKind } from '../notices.policy.ts';

const PROPERTY_PLACE_KINDS = ['compound', 'building', 'unit'];

/**
 * The place a notice is posted at, and as whom the actor posts there: an official wherever their
 * grants reach; property staff only at the compounds they serve (or a building in one). A place
 * the actor cannot see answers 404; one they see but may not post to, 403.
 */
export async function placeToPublish(db: Executor, actor: Actor, placeId: string): Promise<{ place: PlaceRow; kind: PublisherKind }> {
  const place = await findPlace(db, placeId);
  if (!place) throw NoticeErrors.PLACE_NOT_FOUND();
  let kind: PublisherKind;
  if (can(actor, NoticesPolicy.publishOfficial, place.path)) kind = 'official';
  else if (can(actor, NoticesPolicy.publishProperty, place.path)) {
    if (!PROPERTY_PLACE_KINDS.includes(place.kind)) throw NoticeErrors.PROPERTY_PLACE_ONLY_COMPOUND();
    kind = 'property';
  } else if (can(actor, NoticesPolicy.read, place.path)) throw CommonErrors.FORBIDDEN();
  else throw NoticeErrors.PLACE_NOT_FOUND();
  if (place.kind === 'room') throw NoticeErrors.PLACE_KIND_NOT_ALLOWED();
  return { place, kind };
}

const SUFFIX: Partial<Record<string, string>> = { committee_staff: '居民委员会', street_official: '办事处' };

/** The signature printed under a notice unless the publisher writes their own. */
export async function defaultIssuer(db: Executor, actor: Actor, place: PlaceRow, kind: PublisherKind): Promise<string> {
  if (kind === 'property') {
    const compound = await ancestorOfKind(db, place, 'compound');
    const company = compound ? (await compoundServices(db, compound.id)).propertyCompany : null;
    return company?.name ?? '物业服务中心';
  }
  const grant = actor.grants
    .filter((g) => NoticesPolicy.publishOfficial.includes(g.role as never) && place.path.startsWith(g.placePath))
    .sort((a, b) => b.placePath.length - a.placePath.length)[0];
  if (!grant) return ROLE_LABELS.platform_admin['zh-CN'];
  return `${grant.placeName}${SUFFIX[grant.role] ?? ''}`;
}
