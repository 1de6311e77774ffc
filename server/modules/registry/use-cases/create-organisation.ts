import { streetOf } from '../../../kernel/access/index.ts';
import { type Ctx, audit } from '../../../kernel/context.ts';
import { write, type Tx } from '../registry.db.ts';
import { newId } from '../../../kernel/ids.ts';
import { maskPhone, normalise, isValidMobile } from '../../../kernel/pii/pii.ts';
import type { Pii } from '../../../kernel/pii/pii.ts';
import { RegistryErrors } from '../registry.errors.ts';
import { findOrganisation, presentOrganisation } from '../registry.repository.ts';
import type { CreateOrganisationBody } from '../registry.schemas.ts';
import { loadPlaceFor } from './load-place.ts';

/** Registers an organisation at a place; party organisations hang in their 4-level tree. */
export async function createOrganisation(ctx: Ctx, input: CreateOrganisationBody) {
  return write(ctx, async (tx) => {
    const place = await loadPlaceFor(tx, ctx, input.placeId, 'writeOrganisations');
    await checkPartyTree(tx, input.kind, input.parentId ?? null, input.partyLevel ?? null);
    const id = newId();
    await tx
      .insertInto('reg_organisations')
      .values({
        street_id: streetOf(place),
        id,
        place_id: input.placeId,
        kind: input.kind,
        name: input.name,
        parent_id: input.parentId ?? null,
        party_level: input.kind === 'party_org' ? (input.partyLevel ?? null) : null,
        credit_code: input.creditCode ?? null,
        ...contactColumns(ctx.kernel.pii, input.contactPhone),
      })
      .execute();
    const row = (await findOrganisation(tx, id))!;
    await audit(tx, ctx, { action: 'registry.organisation.created', placeId: input.placeId, subjectType: 'organisation', subjectId: id, after: row, detail: { kind: input.kind } });
    return presentOrganisation(row);
  });
}

const PARTY_ORDER = ['street_committee', 'community_branch', 'compound_branch', 'building_group'];

/** A party organisation's parent is a party organisation one level up; other kinds have none. */
export async function checkPartyTree(tx: Tx, kind: string, parentId: string | null, level: string | null, selfId?: string) {
  if (kind !== 'party_org') {
    if (parentId) throw RegistryErrors.PARTY_PARENT_INVALID();
    return;
  }
  if (!level) throw RegistryErrors.PARTY_PARENT_INVALID();
  // A workplace organisation reports to a community (双报到) but sits in no street's tree.
  if (level === 'workplace') {
    if (parentId) throw RegistryErrors.PARTY_PARENT_INVALID();
    return;
  }
  if (!parentId) {
    if (level !== 'street_committee') throw RegistryErrors.PARTY_PARENT_INVALID();
    return;
  }
  const parent = await findOrganisation(tx, parentId);
  if (!parent || parent.id === selfId || parent.kind !== 'party_org' || PARTY_ORDER.indexOf(parent.party_level ?? '') !== PARTY_ORDER.indexOf(level) - 1) {
    throw RegistryErrors.PARTY_PARENT_INVALID();
  }
}

export function contactColumns(pii: Pii, phone: string | null | undefined) {
  if (phone === undefined) return {};
  const p = phone ? normalise(phone) : null;
  if (p && !isValidMobile(p) && !/^\d{7,12}$/.test(p)) throw RegistryErrors.PHONE_INVALID();
  return { contact_phone_enc: p ? pii.encrypt(p) : null, contact_phone_masked: p ? maskPhone(p) : null };
}
