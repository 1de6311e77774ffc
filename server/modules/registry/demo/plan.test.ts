import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeRng } from '../../../kernel/demo-seed.ts';
import { REGISTRY_DEMO_SEED } from '../registry.seed.ts';
import { planDemoStreet } from './plan.ts';

test('the plan is deterministic: same names, numbers and structure every run', () => {
  const fingerprint = () => {
    const plan = planDemoStreet(makeRng(REGISTRY_DEMO_SEED));
    const placeName = new Map(plan.places.map((p) => [p.id, p.name]));
    const personName = new Map(plan.persons.map((p) => [p.id, `${p.name}/${p.idNumber}`]));
    const orgName = new Map(plan.organisations.map((o) => [o.id, o.name]));
    return JSON.stringify({
      places: plan.places.map((p) => [p.kind, p.name, p.depth, placeName.get(p.parent_id ?? '')]),
      rooms: plan.rooms.map((r) => [placeName.get(r.place_id), r.floor, r.area_centi, r.area_source, r.use]),
      persons: plan.persons.map((p) => [p.name, p.phone, p.idNumber, [...p.tags].sort(), placeName.get(p.placeId)]),
      households: plan.households.map((h) => [
        placeName.get(h.room_id),
        personName.get(h.person_id ?? '') ?? orgName.get(h.organisation_id ?? ''),
        h.relation,
        h.share_bp,
        h.start_date,
        h.end_date,
      ]),
      positions: plan.positions.map((p) => [
        personName.get(p.person_id),
        orgName.get(p.organisation_id),
        p.title,
        placeName.get(p.place_id ?? ''),
      ]),
      accounts: plan.accounts.map((a) => [a.role, a.username, a.phone, a.displayName]),
    });
  };
  assert.equal(fingerprint(), fingerprint());
});
