import type { PlannedStreet } from './plan-street.ts';
import type { PlanBuilder } from './plan.ts';

/**
 * Workplace party organisations (单位党组织) whose members live in the street (在职党员): they report to a community
 * (双报到). They stand outside the street's tree (no parent). Planned after everything else, so the draws before
 * them, and with them every other name of the demo, stay as they were. The tax office's liaison holds the login
 * `danwei`; the school's secretary has none.
 */
export function planWorkplaces(b: PlanBuilder, planned: PlannedStreet) {
  const { rng, person, party, position, plan } = b;
  const street = planned.street;
  const tax = party(street.id, '和平区税务局第一税务所党支部', 'workplace', null);
  const school = party(street.id, '和平区实验小学党总支', 'workplace', null);
  const staff = (born: [number, number]) => person(street.id, { born: rng.int(born[0], born[1]), local: true, lowIncome: 0 });
  const liaison = staff([1980, 1990]);
  position(liaison, tax, '组织委员（双报到联络员）', { term: null });
  position(staff([1970, 1980]), school, '书记', { term: null });
  plan.accounts.push({
    role: 'workplace_party_contact',
    username: 'danwei',
    phone: null,
    displayName: liaison.name,
    // Matched to the liaison's person: the party module finds the organisation through the liaison's position.
    personId: liaison.id,
    grantPlaceIds: [street.id],
    placeLabel: street.name,
  });
  return [tax, school].map((o) => ({ id: o.id, name: o.name }));
}
