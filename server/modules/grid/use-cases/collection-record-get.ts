import { can, pathLabel } from '../../../kernel/access/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { sourceStatements } from '../../../kernel/payouts/payouts-read.ts';
import { currentMembersOfRoom, residentAtRoom } from '../../registry/index.ts';
import { COLLECTION_PAYOUT_KIND, COLLECTION_PAYOUT_SOURCE } from '../grid.collection.constants.ts';
import { GRID_ROLES } from '../grid.constants.ts';
import { read } from '../grid.db.ts';
import { filesOf } from './files.ts';
import { recordFor } from './collection-access.ts';

/**
 * What the registry knows against a resident record: `new` (nobody with that ID number, nobody of that name at the
 * room), `here` (already living at this room), `elsewhere` (a person the registry holds, not at this room);
 * for a departure `here` or `not_living`.
 */
export type RegistryMatch = 'new' | 'here' | 'elsewhere' | 'not_living';

/** One record with its place, photos, the registry's match, what the actor may do, and its payout standing. */
export async function getRecord(ctx: Ctx, id: string) {
  const db = read(ctx);
  const { row: r, place } = await recordFor(db, ctx, id, 'read');
  const label = await db
    .selectFrom('street_places as p')
    .select(pathLabel('p.path', ['compound', 'building', 'unit', 'room']).as('label'))
    .where('p.id', '=', place.id)
    .executeTakeFirstOrThrow();
  let match: RegistryMatch | null = null;
  let members: { name: string; relations: string[] }[] = [];
  if (r.kind === 'resident_arrival' || r.kind === 'resident_departure') {
    const current = await currentMembersOfRoom(db, place.id);
    members = current.map((m) => ({ name: m.name, relations: m.relations }));
    if (r.kind === 'resident_arrival') {
      const known = await residentAtRoom(db, ctx, { roomId: place.id, idNumber: r.id_number_enc ? ctx.kernel.pii.decrypt(r.id_number_enc) : null, name: r.person_name });
      match = known.householdsHere.length ? 'here' : known.knownPersonId ? 'elsewhere' : 'new';
    } else {
      match = current.some((m) => m.personId === r.person_id) ? 'here' : 'not_living';
    }
  }
  const component = r.component_id
    ? await db.selectFrom('grid_components').select(['id', 'kind', 'condition', 'location', 'updated_at as updatedAt']).where('street_id', '=', r.street_id).where('id', '=', r.component_id).executeTakeFirst()
    : undefined;
  const photos = (await filesOf(db, r.street_id, 'record', [r.id])).get(r.id) ?? [];
  const payout = (await sourceStatements(db, { streetId: r.street_id, kind: COLLECTION_PAYOUT_KIND, sourceType: COLLECTION_PAYOUT_SOURCE, sourceIds: [r.id] })).get(r.id);
  return {
    id: r.id,
    kind: r.kind,
    status: r.status,
    placeId: place.id,
    placeKind: place.kind,
    placeLabel: label.label,
    /** The room's page in the registry (resident records). */
    roomId: place.kind === 'room' ? place.id : null,
    companyId: r.company_id,
    companyName: r.company_name,
    submittedByName: r.submitted_by_name,
    submittedAt: r.submitted_at,
    personName: r.person_name,
    phoneMasked: r.phone_masked,
    idNumberMasked: r.id_number_masked,
    relation: r.relation,
    shareBp: r.share_bp,
    date: r.event_date,
    landlordName: r.landlord_name,
    contractStart: r.contract_start,
    contractEnd: r.contract_end,
    subjectName: r.subject_name,
    creditCode: r.credit_code,
    legalKind: r.legal_kind,
    contact: r.contact,
    location: r.location,
    componentKind: r.component_kind,
    condition: r.condition,
    component: component ?? null,
    note: r.note,
    photos: photos.map((p) => ({ ...p, url: `/api/grid/files/${p.id}` })),
    checkedAt: r.checked_at,
    checkedByName: r.checked_by_name,
    checkReason: r.check_reason,
    registryOutcome: r.registry_outcome,
    approvalId: r.approval_id,
    incentiveFen: r.incentive_fen,
    spotStatus: r.spot_status,
    spotNote: r.spot_note,
    spotCheckedAt: r.spot_checked_at,
    match,
    members,
    payout: payout ? { statementId: payout.statementId, period: payout.period, status: payout.status } : null,
    can: {
      check: r.status === 'submitted' && can(ctx.actor, GRID_ROLES.collectionVerify, place.path),
      spotCheck: r.spot_status === 'pending' && can(ctx.actor, GRID_ROLES.collectionManage, place.path),
    },
  };
}
export type RecordDetail = Awaited<ReturnType<typeof getRecord>>;
