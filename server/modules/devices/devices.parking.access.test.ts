import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SYSTEM_ACTOR } from '../../kernel/access/index.ts';
import { newId } from '../../kernel/ids.ts';
import { type Client, signInClient } from '../../test/client.ts';
import { PASSWORD, useWorld } from '../../test/fixture.ts';
import { write } from './devices.db.ts';

/**
 * The parking part's access matrix: every role of the world, at 阳光花园 (A, inside the street S where most roles
 * hold their grant) and at 远方小区 (Z, another street), against each permission's routes — allowed (2xx), seen but
 * not allowed (403), unseen (404); lists answer only what the role may read (403 without any such role).
 */
const { env, w, setUp } = useWorld();
const P = '/api/devices/parking';
const ROLES = ['platform_admin', 'street_official', 'community_secretary', 'committee_staff', 'grid_worker', 'property_manager', 'property_staff', 'building_leader', 'owners_committee_member', 'resident'] as const;
type Login = (typeof ROLES)[number];
const sessions = new Map<string, Promise<Client>>();
const as = (login: Login) => {
  if (!sessions.has(login)) sessions.set(login, signInClient(env.app, login === 'resident' ? '13800000001' : login, PASSWORD));
  return sessions.get(login)!;
};
const expect = (allowed: readonly Login[], seen: readonly Login[]) => (login: Login) => (allowed.includes(login) ? 'ok' : seen.includes(login) ? 403 : 404);
const SEES_A: Login[] = ['platform_admin', 'street_official', 'community_secretary', 'committee_staff', 'property_manager', 'property_staff'];
const status = (s: number) => (s >= 200 && s < 300 ? 'ok' : s);

/** At A and Z: a space, a due session, an alert rule and one open alert per role (each handles its own). */
const x = setUp('records at A and Z', async () => {
  const sys = { kernel: env.kernel, actor: SYSTEM_ACTOR };
  const now = env.clock.now();
  const at = (street: string, place: string) => ({ street_id: street, place_id: place });
  const made = { A: {} as Record<string, string>, Z: {} as Record<string, string> };
  await write(sys, async (tx) => {
    for (const [key, street, place] of [['A', w.places.S, w.places.A], ['Z', w.places.S2, w.places.Z]] as const) {
      const rule = newId();
      await tx.insertInto('dev_alert_rules').values({ ...at(street, place), id: rule, kind: 'gate_offline', created_at: now }).execute();
      made[key].rule = rule;
      for (const login of ROLES) {
        const space = newId();
        await tx.insertInto('dev_spaces').values({ ...at(street, place), id: space, no: `S-${ROLES.indexOf(login)}`, kind: 'public', created_at: now }).execute();
        made[key][`space:${login}`] = space;
        const session = newId();
        await tx.insertInto('dev_parking_sessions').values({ ...at(street, place), id: session, plate: `浙A0000${ROLES.indexOf(login)}`, entered_at: now, exited_at: now, fee_fen: 500, fee_status: 'due' }).execute();
        made[key][`session:${login}`] = session;
        const alert = newId();
        await tx.insertInto('dev_alerts').values({ ...at(street, place), id: alert, rule_id: rule, kind: 'gate_offline', subject_type: 'device', subject_id: newId(), summary: '设备离线', raised_at: now }).execute();
        made[key][`alert:${login}`] = alert;
      }
    }
  });
  return made;
});

const routes = (key: 'A' | 'Z', login: Login) => {
  const placeId = key === 'A' ? w.places.A : w.places.Z;
  const r = x[key];
  return [
    ['readParking: live', 'GET', `${P}/live/${placeId}`, undefined, expect(SEES_A, [])],
    ['readParking: sensors', 'GET', `${P}/sensors/${placeId}`, undefined, expect(SEES_A, [])],
    ['manageParking: tariff', 'PUT', `${P}/car-parks/${placeId}/tariff`, { freeMinutes: 30, hourlyFen: 500, dailyCapFen: 5000 }, expect(['street_official', 'property_manager', 'property_staff'], SEES_A)],
    ['manageParking: add space', 'POST', `${P}/spaces`, { placeId, no: `N-${ROLES.indexOf(login)}`, kind: 'public' }, expect(['street_official', 'property_manager', 'property_staff'], SEES_A)],
    ['manageParking: edit space', 'PATCH', `${P}/spaces/${r[`space:${login}`]}`, { kind: 'titled' }, expect(['street_official', 'property_manager', 'property_staff'], SEES_A)],
    ['manageParking: settle', 'POST', `${P}/sessions/${r[`session:${login}`]}/settle`, { status: 'paid', note: '收讫' }, expect(['street_official', 'property_manager', 'property_staff'], SEES_A)],
    ['manageAlertRules: change rule', 'PATCH', `${P}/alert-rules/${r.rule}`, { graceMinutes: 20 }, expect(['street_official', 'property_manager'], SEES_A)],
    ['handleAlerts: handle', 'POST', `${P}/alerts/${r[`alert:${login}`]}/handle`, { note: '已处理' }, expect(['street_official', 'property_manager', 'property_staff'], SEES_A)],
    ['manageParking: remove space', 'DELETE', `${P}/spaces/${r[`space:${login}`]}`, undefined, expect(['street_official', 'property_manager', 'property_staff'], SEES_A)],
  ] as const;
};

test('the matrix: each role inside (阳光花园) allowed, 403 or 404 by its permission; outside (远方小区, another street) 404 for all', async () => {
  const wrong: string[] = [];
  for (const login of ROLES) {
    const s = await as(login);
    for (const key of ['A', 'Z'] as const) {
      for (const [what, method, url, body, want] of routes(key, login)) {
        const got = status((await s.request(method, url, body)).status);
        const expected = key === 'Z' ? 404 : want(login);
        if (got !== expected) wrong.push(`${login} ${key} ${what}: ${got} (expected ${expected})`);
      }
    }
  }
  assert.deepEqual(wrong, []);
});

test('lists: each answers only its readers’ rows; a role without the permission anywhere is refused (403)', async () => {
  const lists = [
    ['/live', ['platform_admin', 'street_official', 'community_secretary', 'committee_staff', 'property_manager', 'property_staff']],
    ['/spaces', ['platform_admin', 'street_official', 'community_secretary', 'committee_staff', 'property_manager', 'property_staff']],
    ['/sessions', ['street_official', 'property_manager', 'property_staff']],
    ['/alerts', ['street_official', 'property_manager', 'property_staff']],
    ['/alert-rules', ['street_official', 'property_manager', 'property_staff']],
  ] as const;
  for (const [path, readers] of lists) {
    for (const login of ROLES) {
      const r = await (await as(login)).request('GET', `${P}${path}`);
      if (!(readers as readonly string[]).includes(login)) {
        assert.equal(r.status, 403, `${login} ${path}`);
        continue;
      }
      assert.equal(r.status, 200, `${login} ${path}`);
      const places = new Set((r.body.items as { placeId: string }[]).map((i) => i.placeId));
      assert.ok(!places.has(w.places.Z), `${login} ${path}: nothing of another street`);
    }
  }
  const alerts = await (await as('property_staff')).request('GET', `${P}/alerts?pageSize=100`);
  assert.ok(alerts.body.items.every((a: { placeId: string }) => a.placeId === w.places.A));
});
