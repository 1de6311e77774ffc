/**
 * The registry's vocabularies and area arithmetic, free of dependencies so the web shells can
 * import them without bundling zod.
 */
export const AREA_RE = /^\d{1,6}(\.\d{1,2})?$/;

/** "89.12" → 8912 without floating point. */
export function areaToCenti(area: string): number {
  const [whole, frac = ''] = area.split('.');
  return Number(whole) * 100 + Number(frac.padEnd(2, '0'));
}
export const centiToArea = (centi: number): string => `${Math.floor(centi / 100)}.${String(centi % 100).padStart(2, '0')}`;

export const PLACE_KINDS = ['city', 'district', 'street', 'community', 'grid', 'compound', 'building', 'unit', 'room'] as const;

export const MANAGEMENT_MODES = ['professional', 'party_led_company', 'state_fallback', 'collective', 'self_managed', 'none'] as const;

export const AREA_SOURCES = ['register', 'surveyed', 'contract'] as const;

export const ROOM_USES = ['residential', 'commercial', 'parking'] as const;

export const PERSON_TAGS = ['party_member', 'low_income', 'extreme_hardship', 'elderly', 'disabled', 'volunteer'] as const;

export const RELATIONS = ['owner', 'co_owner', 'tenant', 'family'] as const;

export const ORGANISATION_KINDS = [
  'party_org',
  'residents_committee',
  'owners_assembly',
  'owners_committee',
  'property_committee',
  'property_company',
  'social_org',
  'department',
  'assessor',
  'developer',
] as const;

/** The four levels of the street's tree, then workplace organisations (单位党组织), which stand outside it (no parent). */
export const PARTY_LEVELS = ['street_committee', 'community_branch', 'compound_branch', 'building_group', 'workplace'] as const;

/** The officials who may write places, people and households — and so import a household file. */
export const REGISTRY_OFFICIALS = ['platform_admin', 'street_official', 'community_secretary', 'committee_staff'] as const;

/** What a resident may ask to have corrected (PIPL art. 46), and where a request stands. */
export const CORRECTION_FIELDS = ['name', 'phone', 'id_number', 'household', 'other'] as const;
export const CORRECTION_STATUSES = ['open', 'answered'] as const;
