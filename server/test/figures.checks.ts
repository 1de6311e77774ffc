import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { appDb } from '../app.ts';
import type { DemoStreetFixture } from '../demo/demo-street.fixture.ts';
import { seedDemo } from '../demo/seed-demo.ts';
import { DEMO_PASSWORD } from '../kernel/demo-seed.ts';
import { figures, takeMonthEndSnapshots } from '../kernel/figures/figures.ts';
import { DEMO_STREET } from '../modules/registry/index.ts';
import { signIn } from './harness.ts';

/**
 * The month-end snapshot of every figure the modules declare equals a count made here by hand over the
 * demo street's raw rows — in plain JavaScript, not through any module's count — for the street and
 * for one compound (阳光花园, where the demo's notices, opinions and repair orders are). Run last by
 * server/demo/demo-street.test.ts on the street it seeds once: it moves the clock past the month's end.
 */
export function figuresOnDemo(fixture: DemoStreetFixture) {
describe('figures on the demo street', () => {
  const env = { get kernel() { return fixture.env.kernel; }, get app() { return fixture.env.app; }, get clock() { return fixture.env.clock; } };
  // The month the test closes: November 2026 in Shanghai, [from, to).
  const from = new Date('2026-11-01T00:00:00+08:00');
  const to = new Date('2026-12-01T00:00:00+08:00');
  const lastDay = '2026-11-30';

  before(async () => {
    // The figures' history the demo seeded goes: the month-end job is what this test runs.
    await appDb(env.kernel).deleteFrom('figure_snapshots').execute();
    // A resident opens a notice, so notices' reach has a numerator.
    const resident = await signIn(env.app, '13800000001', DEMO_PASSWORD);
    const mine = await resident.request('GET', '/api/me/notices');
    assert.equal(mine.status, 200, JSON.stringify(mine.body));
    assert.ok(mine.body.items.length > 0);
    assert.equal((await resident.request('POST', `/api/notices/${mine.body.items[0].id}/read`)).status < 300, true);
    // Just after midnight on 1 December (Shanghai): November has ended.
    env.clock.advance(Date.parse('2026-12-01T00:05:00+08:00') - env.clock.now().getTime());
  });

  test('every declared figure, for the street and for a compound, equals the hand count', async () => {
    const db = appDb(env.kernel);
    const street = fixture.demo.get(DEMO_STREET)!;
    const compound = street.compounds.find((c) => c.name === '阳光花园')!;
    const s = street.street.id;

    const taken = await takeMonthEndSnapshots(env.kernel);
    assert.equal(taken.streets, 1);

    // ——— the raw rows ———
    const places = new Map((await db.selectFrom('street_places').select(['id', 'path', 'kind']).where('street_id', '=', s).execute()).map((p) => [p.id, p]));
    const pathOf = (id: string) => places.get(id)!.path;
    const inWindow = (t: Date | null) => t !== null && t >= from && t < to;
    const compounds = [...places.values()].filter((p) => p.kind === 'compound');
    const modes = new Map((await db.selectFrom('reg_compounds').select(['place_id', 'management_mode']).execute()).map((r) => [r.place_id, r.management_mode]));
    const committees = new Set(
      (await db.selectFrom('reg_organisations').select('place_id').where('kind', '=', 'owners_committee').execute()).map((r) => r.place_id),
    );
    const rooms = new Map((await db.selectFrom('reg_rooms').select(['place_id', 'use']).execute()).map((r) => [r.place_id, r.use]));
    const onLastDay = (h: { start_date: string | null; end_date: string | null }) =>
      (h.start_date === null || h.start_date <= lastDay) && (h.end_date === null || h.end_date >= lastDay);
    const households = (await db.selectFrom('reg_households').select(['room_id', 'person_id', 'start_date', 'end_date']).execute()).filter(
      (h) => h.person_id !== null && onLastDay(h),
    );
    const accounts = await db.selectFrom('accounts').select(['id', 'person_id', 'disabled']).execute();
    const enabledPersons = new Set(accounts.filter((a) => !a.disabled && a.person_id).map((a) => a.person_id));
    const orders = await db.selectFrom('rep_orders').selectAll().where('street_id', '=', s).execute();
    const notices = await db.selectFrom('ntc_notices').select(['id', 'place_id', 'published_at']).where('street_id', '=', s).execute();
    const reads = await db.selectFrom('ntc_reads').select(['notice_id', 'account_id', 'read_at']).execute();
    const opinions = await db.selectFrom('op_opinions').selectAll().where('street_id', '=', s).execute();
    const bills = await db.selectFrom('fee_bills').selectAll().where('street_id', '=', s).execute();
    const allocations = await db.selectFrom('fee_payment_allocations').selectAll().where('street_id', '=', s).execute();
    const rectification = await db.selectFrom('sup_notices').selectAll().where('street_id', '=', s).execute();
    const ledger = await db.selectFrom('vol_points_ledger').select(['place_id', 'minutes', 'created_at']).where('street_id', '=', s).execute();
    const gridEvents = await db.selectFrom('grid_events').select(['compound_id', 'status', 'created_at', 'resolved_at', 'due_at']).where('street_id', '=', s).execute();
    // The four colours: the street's latest assessment published before the month's end; the stars: each compound's latest confirmed level.
    const published = (await db.selectFrom('sup_assessment_periods').selectAll().where('street_id', '=', s).execute())
      .filter((p) => p.status === 'published' && p.published_at !== null && p.published_at < to)
      .sort((a, b) => b.published_at!.getTime() - a.published_at!.getTime())[0];
    const rated = (await db.selectFrom('sup_assessments').selectAll().where('street_id', '=', s).execute()).filter((a) => a.period === published?.period && a.colour !== null);
    const starsNow = new Map<string, number>();
    for (const st of (await db.selectFrom('sup_compound_stars').selectAll().where('street_id', '=', s).execute()).filter((x) => x.confirmed_at < to).sort((a, b) => a.confirmed_at.getTime() - b.confirmed_at.getTime())) {
      starsNow.set(st.compound_id, st.stars);
    }
    const colourShare = (colour: string) => (path: string): Parts => {
      const under = rated.filter((a) => pathOf(a.compound_id).startsWith(path));
      return [under.filter((a) => a.colour === colour).length, under.length];
    };
    const starred = (path: string) => [...starsNow].filter(([c]) => pathOf(c).startsWith(path));
    const openNotice = (n: (typeof rectification)[number]) => n.issued_at < to && (n.closed_at === null || n.closed_at >= to);
    const midnight = (day: string) => new Date(`${day}T00:00:00+08:00`);
    // Each bill's allocations, looked up by id: the hand counts ask for them per bill, at every place of the drill-down.
    const allocationsOf = Map.groupBy(allocations, (a) => a.bill_id);
    const paidOn = (billId: string, before: Date) => (allocationsOf.get(billId) ?? []).filter((a) => a.at < before).reduce((n, a) => n + Number(a.amount_fen), 0);
    const billsUnder = (path: string) => bills.filter((b) => pathOf(b.room_id).startsWith(path));
    const dueBy = (path: string) => billsUnder(path).filter((b) => b.due_on < '2026-12-01' && b.status !== 'written_off');

    // 先缴后补: the subsidy lines, the policy's versions, the tags' history, every household row, the paid statements' lines.
    const subsidyLines = await db.selectFrom('fee_subsidy_lines').selectAll().where('street_id', '=', s).execute();
    const policies = await db.selectFrom('fee_subsidy_policies').selectAll().where('street_id', '=', s).execute();
    const spans = await db.selectFrom('reg_person_tag_spans').selectAll().where('street_id', '=', s).execute();
    const allHouseholds = await db.selectFrom('reg_households').selectAll().where('street_id', '=', s).where('person_id', 'is not', null).execute();
    const paidSubsidyLines = await db
      .selectFrom('payout_lines as l')
      .innerJoin('payout_statements as st', 'st.id', 'l.statement_id')
      .select(['l.place_id', 'l.amount_fen', 'st.paid_at', 'st.status'])
      .where('l.street_id', '=', s)
      .where('st.kind', '=', 'fees.pay_first_subsidy')
      .execute();
    // 达标补贴: November shows 2026-Q3 (the quarter ended before it); the list, the policy versions, the published results, the paid lines.
    const SQ = '2026-Q3';
    const listedQ = (await db.selectFrom('sup_subsidy_compounds').selectAll().where('street_id', '=', s).execute()).filter((l) => l.from_period <= SQ && (l.to_period === null || l.to_period >= SQ));
    const subsidyPolicy = (await db.selectFrom('sup_subsidy_policies').selectAll().where('street_id', '=', s).execute()).filter((p) => p.from_period <= SQ).sort((x, y) => y.from_period.localeCompare(x.from_period))[0];
    const publishedQ = (await db.selectFrom('sup_assessment_periods').select('status').where('street_id', '=', s).where('period', '=', SQ).executeTakeFirst())?.status === 'published';
    const resultsQ = await db.selectFrom('sup_assessments').select(['compound_id', 'score_centi']).where('street_id', '=', s).where('period', '=', SQ).execute();
    const meetingQ = listedQ.filter((l) => publishedQ && subsidyPolicy && resultsQ.some((r) => r.compound_id === l.compound_id && r.score_centi !== null && r.score_centi >= subsidyPolicy.threshold_centi));
    const paidStandardLines = await db
      .selectFrom('payout_lines as l')
      .innerJoin('payout_statements as st', 'st.id', 'l.statement_id')
      .select(['l.place_id', 'l.amount_fen', 'st.paid_at', 'st.status'])
      .where('l.street_id', '=', s)
      .where('st.kind', '=', 'supervision.standard_subsidy')
      .execute();
    const shanghaiDay = (t: Date) => new Date(t.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    /** The bill's date; the policy of that day (the latest effective on or before it, the last set that day); whether a member held one of its tags then. */
    const taggedOnBillDay = (b: (typeof bills)[number]) => {
      const day = shanghaiDay(b.issued_at);
      const policy = policies.filter((p) => p.effective_from <= day).sort((x, y) => y.effective_from.localeCompare(x.effective_from) || y.set_at.getTime() - x.set_at.getTime())[0];
      if (!policy) return false;
      const members = allHouseholds.filter((h) => h.room_id === b.room_id && (h.start_date === null || h.start_date <= day) && (h.end_date === null || h.end_date >= day)).map((h) => h.person_id);
      return spans.some((sp) => members.includes(sp.person_id) && policy.tags.includes(sp.tag) && sp.held_from <= day && (sp.held_until === null || sp.held_until > day));
    };

    // 党建引领 (the party module's members part): organisations, positions, member records and hosts on the last day.
    const orgRows = await db.selectFrom('reg_organisations').select(['id', 'place_id', 'kind', 'party_level']).where('street_id', '=', s).execute();
    const positionsOn = (await db.selectFrom('reg_positions').select(['organisation_id', 'person_id', 'title', 'term_start', 'term_end']).where('street_id', '=', s).execute()).filter(
      (x) => (x.term_start === null || String(x.term_start) <= lastDay) && (x.term_end === null || String(x.term_end) >= lastDay),
    );
    const partyMembers = (await db.selectFrom('pty_members').selectAll().where('street_id', '=', s).execute()).filter((m) => m.created_at < to && (m.status === 'active' || (m.left_on !== null && m.left_on > lastDay)));
    const branchHosts = (await db.selectFrom('pty_branch_hosts').selectAll().where('street_id', '=', s).execute()).filter((h) => h.created_at < to);
    const memberReports = await db.selectFrom('pty_member_reports').selectAll().where('street_id', '=', s).execute();
    const companyOf = new Map((await db.selectFrom('reg_compounds').select(['place_id', 'property_company_id']).execute()).map((r) => [r.place_id, r.property_company_id]));
    const treeOrgPlaces = new Set(orgRows.filter((o) => o.kind === 'party_org' && o.party_level !== 'workplace').map((o) => o.place_id));
    const groupPlaces = new Set(orgRows.filter((o) => o.party_level === 'building_group').map((o) => o.place_id));
    const memberPersons = new Set(partyMembers.map((m) => m.person_id));
    const seatsOf = (kind: string) => {
      const at = new Map(orgRows.filter((o) => o.kind === kind).map((o) => [o.id, o.place_id]));
      return [...new Map(positionsOn.filter((x) => at.has(x.organisation_id)).map((x) => [`${x.organisation_id}/${x.person_id}`, { placeId: at.get(x.organisation_id)!, personId: x.person_id }])).values()];
    };
    const partySeats = (kind: string, path: string): Parts => {
      const seats = seatsOf(kind).filter((x) => pathOf(x.placeId).startsWith(path));
      return [seats.filter((x) => memberPersons.has(x.personId)).length, seats.length];
    };

    // ——— the hand counts, for a place at `path` ———
    type Parts = [number, number | null];
    // 志愿服务与邻里: volunteers and the persons with a household on the last day; green plots and their adoptions.
    const volunteerRows = await db.selectFrom('vol_volunteers').select(['place_id', 'status', 'reviewed_at']).where('street_id', '=', s).execute();
    const plots = await db.selectFrom('vol_green_plots').select(['id', 'place_id', 'area_centi', 'created_at', 'closed_at']).where('street_id', '=', s).execute();
    const adoptions = await db.selectFrom('vol_green_adoptions').select(['plot_id', 'status', 'decided_at', 'from_day', 'to_day', 'ended_on']).where('street_id', '=', s).execute();
    const adoptedOnLastDay = (plotId: string) =>
      adoptions.some(
        (a) =>
          a.plot_id === plotId && ['active', 'ended'].includes(a.status) && a.decided_at !== null && a.decided_at < to && String(a.from_day) <= lastDay && String(a.to_day) >= lastDay && (a.ended_on === null || String(a.ended_on) > lastDay),
      );

    // 人民调解 (the grid module's mediation part): cases opened in the month; closed ones (agreed or failed), agreed, by their due time.
    const mediationCases = await db.selectFrom('grid_mediation_cases').select(['place_id', 'status', 'opened_at', 'closed_at', 'due_at']).where('street_id', '=', s).execute();
    const mediationClosed = mediationCases.filter((k) => (k.status === 'agreed' || k.status === 'failed') && inWindow(k.closed_at));
    // 社区社会组织 and 公益创投 (the grid module's social part): organisations active at the month's end; grants approved
    // since 1 January, and projects evaluated by the month's end, by the round's place.
    const yearStart = new Date('2026-01-01T00:00:00+08:00');
    const socialOrgs = await db.selectFrom('grid_social_orgs').select(['place_id', 'created_at', 'dissolved_at']).where('street_id', '=', s).execute();
    const ventureRounds = new Map((await db.selectFrom('grid_venture_rounds').select(['id', 'place_id']).where('street_id', '=', s).execute()).map((r) => [r.id, r.place_id]));
    const ventureProjects = (await db.selectFrom('grid_venture_applications').select(['round_id', 'grant_fen', 'funded_at', 'grade', 'evaluated_at']).where('street_id', '=', s).execute()).map(
      (a) => ({ ...a, place_id: ventureRounds.get(a.round_id)! }),
    );
    // 网格治理 (the grid module's agency part): cases completed in the month, on time or not.
    const agencyCases = (await db.selectFrom('grid_agency_cases').select(['compound_id', 'status', 'completed_at', 'on_time']).where('street_id', '=', s).execute()).filter(
      (k) => k.status === 'completed' && inWindow(k.completed_at),
    );

    const hand: Record<string, (path: string) => Parts> = {
      'registry.professional_coverage': (path) => {
        const under = compounds.filter((c) => c.path.startsWith(path));
        return [under.filter((c) => ['professional', 'party_led_company'].includes(modes.get(c.id) ?? '')).length, under.length];
      },
      'registry.owners_committee_rate': (path) => {
        const under = compounds.filter((c) => c.path.startsWith(path));
        return [under.filter((c) => committees.has(c.id)).length, under.length];
      },
      'activation.rate': (path) => {
        const homes = [...places.values()].filter((p) => p.kind === 'room' && p.path.startsWith(path) && rooms.get(p.id) === 'residential');
        const held = homes.filter((r) => households.some((h) => h.room_id === r.id));
        const activated = held.filter((r) => households.some((h) => h.room_id === r.id && enabledPersons.has(h.person_id)));
        return [activated.length, held.length];
      },
      'repairs.reported': (path) => [orders.filter((o) => o.status !== 'cancelled' && inWindow(o.reported_at) && pathOf(o.place_id).startsWith(path)).length, null],
      'repairs.on_time': (path) => {
        const done = orders.filter((o) => o.status !== 'cancelled' && inWindow(o.finished_at) && pathOf(o.place_id).startsWith(path));
        return [done.filter((o) => o.finished_at! <= o.complete_by).length, done.length];
      },
      'repairs.satisfaction': (path) => {
        const rated = orders.filter((o) => o.status !== 'cancelled' && inWindow(o.rated_at) && pathOf(o.place_id).startsWith(path));
        return [rated.filter((o) => o.rating! >= 4).length, rated.length];
      },
      'notices.reach': (path) => {
        let reached = 0;
        let read = 0;
        for (const n of notices.filter((x) => inWindow(x.published_at))) {
          const noticePath = pathOf(n.place_id);
          // Resident accounts with a room under both the notice's place and this place, on the month's last day.
          const who = new Set(
            accounts
              .filter((a) => !a.disabled && a.person_id)
              .filter((a) => households.some((h) => h.person_id === a.person_id && places.has(h.room_id) && pathOf(h.room_id).startsWith(noticePath) && pathOf(h.room_id).startsWith(path)))
              .map((a) => a.id),
          );
          reached += who.size;
          read += [...who].filter((id) => reads.some((r) => r.notice_id === n.id && r.account_id === id && r.read_at < to)).length;
        }
        return [read, reached];
      },
      'fees.collection_rate': (path) => {
        const of = billsUnder(path).filter((b) => b.period_start >= '2026-11-01' && b.period_start < '2026-12-01');
        return [of.reduce((n, b) => n + paidOn(b.id, midnight(b.period_end)), 0), of.reduce((n, b) => n + Number(b.amount_fen) + Number(b.adjusted_fen), 0)];
      },
      'fees.collection_rate_all': (path) => {
        const of = dueBy(path);
        return [
          of.reduce((n, b) => n + Math.max(paidOn(b.id, to) - paidOn(b.id, from), 0), 0),
          of.reduce((n, b) => n + Math.max(Number(b.amount_fen) + Number(b.adjusted_fen) - paidOn(b.id, from), 0), 0),
        ];
      },
      'fees.arrears_total': (path) => [dueBy(path).reduce((n, b) => n + Math.max(Number(b.amount_fen) + Number(b.adjusted_fen) - paidOn(b.id, to), 0), 0), null],
      'fees.subsidy_households': (path) => [new Set(subsidyLines.filter((l) => l.status === 'granted' && inWindow(l.granted_at) && pathOf(l.room_id).startsWith(path)).map((l) => l.room_id)).size, null],
      'fees.subsidy_granted_fen': (path) => [subsidyLines.filter((l) => l.status === 'granted' && inWindow(l.granted_at) && pathOf(l.room_id).startsWith(path)).reduce((n, l) => n + Number(l.amount_fen), 0), null],
      'fees.subsidy_paid_fen': (path) => [paidSubsidyLines.filter((l) => ['paid', 'closed'].includes(l.status) && inWindow(l.paid_at) && pathOf(l.place_id).startsWith(path)).reduce((n, l) => n + Number(l.amount_fen), 0), null],
      'fees.subsidy_payment_rate': (path) => {
        const of = billsUnder(path).filter((b) => b.source === 'generated' && b.payer_kind === 'owners' && b.status !== 'written_off' && b.period_start >= '2026-11-01' && b.period_start < '2026-12-01' && taggedOnBillDay(b));
        return [of.filter((b) => b.status === 'paid').length, of.length];
      },
      'supervision.notices_issued': (path) => [rectification.filter((n) => inWindow(n.issued_at) && pathOf(n.place_id).startsWith(path)).length, null],
      'supervision.notices_closed': (path) => [rectification.filter((n) => inWindow(n.closed_at) && pathOf(n.place_id).startsWith(path)).length, null],
      'supervision.notices_open': (path) => [rectification.filter((n) => openNotice(n) && pathOf(n.place_id).startsWith(path)).length, null],
      'supervision.notices_overdue': (path) => [
        rectification.filter((n) => openNotice(n) && ['issued', 'reissued'].includes(n.status) && n.due_at <= to && pathOf(n.place_id).startsWith(path)).length,
        null,
      ],
      'supervision.colour_green': colourShare('green'),
      'supervision.colour_blue': colourShare('blue'),
      'supervision.colour_yellow': colourShare('yellow'),
      'supervision.colour_red': colourShare('red'),
      'supervision.starred_share': (path) => [starred(path).length, compounds.filter((c) => c.path.startsWith(path)).length],
      'supervision.stars_average': (path) => [starred(path).reduce((n, [, stars]) => n + stars, 0), starred(path).length],
      'supervision.subsidy_listed': (path) => [listedQ.filter((l) => pathOf(l.compound_id).startsWith(path)).length, null],
      'supervision.subsidy_meeting': (path) => [meetingQ.filter((l) => pathOf(l.compound_id).startsWith(path)).length, null],
      'supervision.subsidy_paid_fen': (path) => [paidStandardLines.filter((l) => ['paid', 'closed'].includes(l.status) && inWindow(l.paid_at) && pathOf(l.place_id).startsWith(path)).reduce((n, l) => n + Number(l.amount_fen), 0), null],
      'opinions.answered': (path) => {
        const posted = opinions.filter((o) => inWindow(o.created_at) && (o.hidden_at === null || o.hidden_at >= to) && pathOf(o.place_id).startsWith(path));
        return [posted.filter((o) => o.answered_at !== null && o.answered_at < to).length, posted.length];
      },
      'party.compound_coverage': (path) => {
        const under = compounds.filter((c) => c.path.startsWith(path));
        const grids = [...places.values()].filter((g) => g.kind === 'grid' && treeOrgPlaces.has(g.id));
        return [under.filter((c) => treeOrgPlaces.has(c.id) || grids.some((g) => c.path.startsWith(g.path))).length, under.length];
      },
      'party.building_groups': (path) => {
        const buildings = [...places.values()].filter((p) => p.kind === 'building' && p.path.startsWith(path));
        return [buildings.filter((b) => groupPlaces.has(b.id)).length, buildings.length];
      },
      'party.company_coverage': (path) => {
        const serving = new Set(compounds.filter((c) => c.path.startsWith(path)).map((c) => companyOf.get(c.id)).filter((id): id is string => !!id));
        const covered = [...serving].filter((id) => branchHosts.some((h) => h.host_org_id === id) || positionsOn.some((x) => x.organisation_id === id && x.title === '党建指导员'));
        return [covered.length, serving.size];
      },
      'party.owners_committee_members': (path) => partySeats('owners_committee', path),
      'party.residents_committee_members': (path) => partySeats('residents_committee', path),
      'party.reporting_rate': (path) => {
        const employed = partyMembers.filter((m) => m.membership === 'employed' && pathOf(m.place_id).startsWith(path));
        return [employed.filter((m) => memberReports.some((r) => r.member_id === m.id && r.status === 'confirmed' && r.decided_at !== null && r.decided_at < to)).length, employed.length];
      },
      'volunteers.registered_share': (path) => [
        volunteerRows.filter((v) => v.status === 'approved' && v.reviewed_at !== null && v.reviewed_at < to && pathOf(v.place_id).startsWith(path)).length,
        new Set(households.filter((h) => places.has(h.room_id) && pathOf(h.room_id).startsWith(path)).map((h) => h.person_id)).size,
      ],
      'volunteers.green_adoption_rate': (path) => {
        const counted = plots.filter((p) => p.created_at < to && (p.closed_at === null || p.closed_at >= to) && pathOf(p.place_id).startsWith(path));
        return [counted.filter((p) => adoptedOnLastDay(p.id)).reduce((n, p) => n + Number(p.area_centi), 0), counted.reduce((n, p) => n + Number(p.area_centi), 0)];
      },
      'grid.mediation_cases': (path) => [mediationCases.filter((k) => inWindow(k.opened_at) && pathOf(k.place_id).startsWith(path)).length, null],
      'grid.mediation_settled_share': (path) => {
        const under = mediationClosed.filter((k) => pathOf(k.place_id).startsWith(path));
        return [under.filter((k) => k.status === 'agreed').length, under.length];
      },
      'grid.mediation_on_time_share': (path) => {
        const under = mediationClosed.filter((k) => pathOf(k.place_id).startsWith(path));
        return [under.filter((k) => k.due_at !== null && k.closed_at! <= k.due_at).length, under.length];
      },
      'grid.social_orgs': (path) => [socialOrgs.filter((o) => o.created_at < to && (o.dissolved_at === null || o.dissolved_at >= to) && pathOf(o.place_id).startsWith(path)).length, null],
      'grid.venture_granted_fen': (path) => [
        ventureProjects.filter((a) => a.grant_fen !== null && a.funded_at !== null && a.funded_at >= yearStart && a.funded_at < to && pathOf(a.place_id).startsWith(path)).reduce((n, a) => n + Number(a.grant_fen), 0),
        null,
      ],
      'grid.venture_completed_share': (path) => {
        const evaluated = ventureProjects.filter((a) => a.grade !== null && a.evaluated_at !== null && a.evaluated_at < to && pathOf(a.place_id).startsWith(path));
        return [evaluated.filter((a) => a.grade === 'excellent' || a.grade === 'good' || a.grade === 'pass').length, evaluated.length];
      },
      'volunteers.service_minutes': (path) => [Math.max(0, ledger.filter((l) => inWindow(l.created_at) && pathOf(l.place_id).startsWith(path)).reduce((n, l) => n + l.minutes, 0)), null],
      'grid.events_reported': (path) => [gridEvents.filter((e) => e.status !== 'dismissed' && inWindow(e.created_at) && pathOf(e.compound_id).startsWith(path)).length, null],
      'grid.events_on_time': (path) => {
        const resolved = gridEvents.filter((e) => e.status !== 'dismissed' && inWindow(e.resolved_at) && pathOf(e.compound_id).startsWith(path));
        return [resolved.filter((e) => e.due_at === null || e.resolved_at! <= e.due_at).length, resolved.length];
      },
      'grid.agency_on_time_share': (path) => {
        const under = agencyCases.filter((k) => pathOf(k.compound_id).startsWith(path));
        return [under.filter((k) => k.on_time === true).length, under.length];
      },
    };

    const declared = figures().map((f) => f.key);
    assert.deepEqual(declared.toSorted(), Object.keys(hand).toSorted(), 'a hand count for every declared figure');
    const snapshot = async (key: string, placeId: string): Promise<Parts> => {
      const row = await db
        .selectFrom('figure_snapshots')
        .select(['numerator', 'denominator'])
        .where('street_id', '=', s)
        .where('figure_key', '=', key)
        .where('place_id', '=', placeId)
        .where('period', '=', '2026-11')
        .executeTakeFirstOrThrow();
      return [Number(row.numerator), row.denominator === null ? null : Number(row.denominator)];
    };
    for (const key of declared) {
      const atStreet = hand[key]!(pathOf(s));
      assert.deepEqual(await snapshot(key, s), atStreet, `${key} for the street`);
      assert.deepEqual(await snapshot(key, compound.id), hand[key]!(pathOf(compound.id)), `${key} for 阳光花园`);
      // Something to count: a figure that is zero everywhere would prove nothing.
      assert.ok((atStreet[1] ?? atStreet[0]) > 0, `${key}: the demo street has something to count`);
    }
    assert.ok((await snapshot('notices.reach', s))[0] > 0, 'the read receipt counts');
    assert.ok((await snapshot('activation.rate', s))[0] > 0, 'the demo residents are activated');

    // ——— the dashboard (驾驶舱) shows the same parts, and its drill-down adds up ———
    const official = await signIn(env.app, 'street', DEMO_PASSWORD);
    const overview = async (placeId: string) => {
      const r = await official.request('GET', `/api/dashboards/overview?placeId=${placeId}&period=2026-11`);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      return r.body as { figures: { key: string; current: { numerator: number; denominator: number | null } | null; hasRows: boolean; children: { place: { id: string }; numerator: number; denominator: number | null }[] }[] };
    };
    const partsOf = (p: { numerator: number; denominator: number | null } | null) => (p ? [p.numerator, p.denominator] : null);
    const community = [...places.values()].find((p) => p.kind === 'community' && compound.path.startsWith(p.path))!;
    const add = (a: Parts, b: Parts): Parts => [a[0] + b[0], a[1] === null ? null : a[1] + (b[1] ?? 0)];
    let added = 0;
    // The drill-down asks for a place's hand count more than once: count each once.
    const counts = new Map<string, Parts>();
    const handAt = (key: string, path: string) => counts.get(`${key} ${path}`) ?? counts.set(`${key} ${path}`, hand[key]!(path)).get(`${key} ${path}`)!;
    for (const placeId of [s, community.id, compound.id]) {
      const board = await overview(placeId);
      assert.deepEqual(board.figures.map((f) => f.key).toSorted(), declared.toSorted(), 'every figure on the dashboard');
      for (const f of board.figures) {
        const here = handAt(f.key, pathOf(placeId));
        assert.deepEqual(partsOf(f.current), here, `${f.key} on the dashboard of ${places.get(placeId)!.kind}`);
        for (const c of f.children) assert.deepEqual(partsOf(c), handAt(f.key, pathOf(c.place.id)), `${f.key}: the drill-down's step to ${c.place.id}`);
        // Where every record lies under the places one level down (by hand), their parts add up to this place's.
        const byHand = f.children.reduce<Parts>((sum, c) => add(sum, handAt(f.key, pathOf(c.place.id))), [0, here[1] === null ? null : 0]);
        if (f.children.length && byHand[0] === here[0] && byHand[1] === here[1]) {
          assert.deepEqual(f.children.reduce<Parts>((sum, c) => add(sum, [c.numerator, c.denominator]), [0, here[1] === null ? null : 0]), partsOf(f.current), `${f.key}: the children add up`);
          added++;
        }
      }
    }
    assert.ok(added >= 20, `the drill-down adds up for most figures (${added})`);
    // The last step: the rows behind each figure that has them, at 阳光花园, are exactly what the month counted.
    const board = await overview(compound.id);
    const withRows = board.figures.filter((f) => f.hasRows);
    assert.ok(withRows.length >= 7, 'repairs, the registry, activation and the collection rate list their rows');
    for (const f of withRows) {
      let page = 1;
      let total = 0;
      let counted = 0;
      let seen = 0;
      let sum: Parts = [0, 0];
      for (;;) {
        const r = await official.request('GET', `/api/dashboards/rows?figure=${f.key}&placeId=${compound.id}&period=2026-11&page=${page}&pageSize=200`);
        assert.equal(r.status, 200, JSON.stringify(r.body));
        ({ total, counted } = r.body);
        for (const row of r.body.items as { counted: boolean; parts?: { numerator: number; denominator: number } }[]) {
          sum = add(sum, row.parts ? [row.parts.numerator, row.parts.denominator] : [row.counted ? 1 : 0, 1]);
        }
        seen += r.body.items.length;
        if (seen >= total || !r.body.items.length) break;
        page++;
      }
      assert.equal(seen, total, `${f.key}: every row listed`);
      const expected = handAt(f.key, pathOf(compound.id));
      if (f.key === 'fees.collection_rate') assert.deepEqual(sum, expected, `${f.key}: the bills' parts add up to the compound's`);
      else if (expected[1] === null) assert.equal(total, expected[0], `${f.key}: one row per record counted`);
      else assert.deepEqual([counted, total], expected, `${f.key}: rows in the numerator / rows`);
    }
  });

  test("the demo's history: the six months before this one and this one, for every figure", async () => {
    const db = appDb(env.kernel);
    await db.deleteFrom('figure_snapshots').execute();
    await seedDemo(env.kernel, { only: ['figures'], demo: fixture.demo });
    const periods = await db.selectFrom('figure_snapshots').select('period').distinct().orderBy('period').execute();
    assert.deepEqual(
      periods.map((p) => p.period),
      ['2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12'],
    );
    const street = fixture.demo.get(DEMO_STREET)!.street.id;
    const official = await signIn(env.app, 'street', DEMO_PASSWORD);
    const report = await official.request('GET', `/api/figures/report?placeId=${street}&period=2026-11`);
    assert.equal(report.status, 200);
    assert.equal(report.body.items.length, figures().length);
    assert.ok(report.body.items.every((i: { current: unknown }) => i.current !== null));
  });
});
}
