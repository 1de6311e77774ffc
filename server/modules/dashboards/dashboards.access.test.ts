import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { STAFF_ROLES, type StaffRole } from '../../kernel/access/index.ts';
import { type Client, signInClient } from '../../test/client.ts';
import { PASSWORD, useWorld } from '../../test/fixture.ts';
import { read } from './dashboards.db.ts';
import { fileRequest, restoreFigures, useTestFigures } from './test-support.ts';
import { buildMonthlyReports } from './use-cases/report-store.ts';

/**
 * The dashboards' access matrix: each role on the street S, the community 一社区 (C1, inside every reader's grant) and
 * the other street S2 (outside every grant): the overview, the rows behind a figure (the test's figure with rows), a
 * place's kept dispatch reports (the list, one report, its workbook and its PDF) and building one on demand. Readers
 * whose grant covers the place → 200; a reader who may not build → 403; anyone else → 404 (places cannot be probed);
 * the resident holds no grant → 404. The role lists are written out again on purpose.
 */
const READ: StaffRole[] = ['platform_admin', 'street_official', 'property_committee_member', 'community_secretary', 'committee_staff'];
const BUILD: StaffRole[] = ['platform_admin', 'street_official', 'community_secretary'];
/** Grants on the street (the fixture's): they cover the community too; the others sit at C1 or below. */
const STREET_WIDE: StaffRole[] = ['platform_admin', 'street_official', 'property_committee_member', 'department_reviewer', 'assessor', 'workplace_party_contact'];

type Who = StaffRole | 'resident';
type Where = 'S' | 'C1' | 'S2';
const WHO: Who[] = [...STAFF_ROLES, 'resident'];
const WHERE: Where[] = ['S', 'C1', 'S2'];
const { env, w, afterSetUp } = useWorld();
const clients = new Map<Who, Client>();
const reportAt = {} as Record<Where, string>;

afterSetUp(async () => {
  useTestFigures();
  await fileRequest(env.kernel, w.accounts.street_official, w.places.A, w.places.S, '2026-10-02T10:00:00+08:00', 'approved');
  await fileRequest(env.kernel, w.accounts.street_official, w.places.B, w.places.S, '2026-10-03T10:00:00+08:00', 'pending');
  // The clock: 22 November. The job takes October's snapshots and builds its reports.
  await buildMonthlyReports(env.kernel);
  for (const where of WHERE) {
    reportAt[where] = (await read(env.kernel).selectFrom('dash_reports').select('id').where('place_id', '=', w.places[where]).where('period', '=', '2026-10').executeTakeFirstOrThrow()).id;
  }
  for (const role of STAFF_ROLES) clients.set(role, await signInClient(env.app, role, PASSWORD));
  clients.set('resident', await signInClient(env.app, '13800000001', PASSWORD));
});
after(restoreFigures);

const sees = (who: Who, where: Where) => where !== 'S2' && (READ as Who[]).includes(who) && (where === 'C1' || STREET_WIDE.includes(who as StaffRole));
const builds = (who: Who) => (BUILD as Who[]).includes(who);

describe('who sees which place’s dashboard and dispatch reports', () => {
  const reads: [string, (where: Where) => string][] = [
    ['overview', (where) => `/api/dashboards/overview?placeId=${w.places[where]}&period=2026-10`],
    ['rows', (where) => `/api/dashboards/rows?figure=test.approved_share&placeId=${w.places[where]}&period=2026-10`],
    ['reports', (where) => `/api/dashboards/reports?placeId=${w.places[where]}`],
    ['report', (where) => `/api/dashboards/reports/${reportAt[where]}`],
    ['xlsx', (where) => `/api/dashboards/reports/${reportAt[where]}/report.xlsx`],
    ['pdf', (where) => `/api/dashboards/reports/${reportAt[where]}/report.pdf`],
  ];
  for (const [what, url] of reads) {
    test(`${what}: readers of the place 200, everyone else 404`, async () => {
      const got: string[] = [];
      const want: string[] = [];
      for (const who of WHO) {
        for (const where of WHERE) {
          const res = await clients.get(who)!.request('GET', url(where));
          got.push(`${who}@${where} ${res.status}`);
          want.push(`${who}@${where} ${sees(who, where) ? 200 : 404}`);
        }
      }
      assert.deepEqual(got, want);
    });
  }

  test('building a report on demand: the builders of the place 200, its other readers 403, everyone else 404', async () => {
    const got: string[] = [];
    const want: string[] = [];
    for (const who of WHO) {
      for (const where of WHERE) {
        const res = await clients.get(who)!.request('POST', '/api/dashboards/reports', { placeId: w.places[where] });
        got.push(`${who}@${where} ${res.status}`);
        want.push(`${who}@${where} ${!sees(who, where) ? 404 : builds(who) ? 200 : 403}`);
      }
    }
    assert.deepEqual(got, want);
  });

  test('each reader sees first the figures its role watches, figures of this dashboard only, each once', async () => {
    // The first of each role's list (dashboards.constants.ts DASHBOARD_FOCUS), written out again.
    const first: Partial<Record<StaffRole, string>> = {
      platform_admin: 'repairs.on_time',
      street_official: 'repairs.on_time',
      property_committee_member: 'registry.professional_coverage',
      community_secretary: 'activation.rate',
      committee_staff: 'activation.rate',
    };
    for (const role of READ) {
      const res = await clients.get(role)!.request('GET', `/api/dashboards/overview?placeId=${w.places.C1}&period=2026-10`);
      assert.equal(res.status, 200, role);
      const focus = res.body.focus as string[];
      const shown = new Set((res.body.figures as { key: string }[]).map((f) => f.key));
      assert.equal(focus[0], first[role], role);
      assert.ok(focus.every((k) => shown.has(k)), `${role}: only figures on the dashboard`);
      assert.equal(new Set(focus).size, focus.length, `${role}: each once`);
    }
  });
});
