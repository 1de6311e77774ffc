import ExcelJS from 'exceljs';
import { findPlace, pathLabel } from '../../../kernel/access/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { read } from '../decisions.db.ts';
import { DecisionsErrors } from '../decisions.errors.ts';
import { allows, placeFilter } from '../decisions.policy.ts';
import type { Share } from '../election.ts';
import { storedElection } from './election-members.ts';

const YEAR_MS = 365.25 * 24 * 60 * 60_000;

/**
 * 业委会覆盖与党员占比: per compound in the actor's read scope (under a place, if given), its last published regular
 * election — the seats, how many were elected (with its run-off's and by-election's elected), how many of them and of
 * the candidates are party members — and whether it has a committee: a published election that elected at least one
 * member within its term. Coverage and the party shares add up the compounds.
 */
export async function electionReport(ctx: Ctx, placeId?: string) {
  const db = read(ctx);
  let under: string | null = null;
  if (placeId) {
    const place = await findPlace(db, placeId);
    if (!place || !allows(ctx.actor, 'read', place.path)) throw DecisionsErrors.PLACE_NOT_FOUND();
    under = place.path;
  }
  const compounds = await db
    .selectFrom('street_places as p')
    .select(['p.id', 'p.street_id', 'p.path'])
    .select(pathLabel('p.path', ['community', 'compound']).as('label'))
    .where('p.kind', '=', 'compound')
    .where(placeFilter(ctx.actor, 'read', 'p.id', 'p.path'))
    .$if(!!under, (q) => q.where('p.path', 'like', `${under}%`))
    .orderBy('p.path')
    .limit(2000)
    .execute();
  const ids = compounds.map((c) => c.id);
  const elections = ids.length
    ? await db
        .selectFrom('dec_decisions as d')
        .innerJoin('dec_elections as e', (j) => j.onRef('e.street_id', '=', 'd.street_id').onRef('e.decision_id', '=', 'd.id'))
        .select(['d.id', 'd.compound_id', 'd.parent_id', 'd.published_at', 'd.result', 'e.purpose', 'e.seats', 'e.term_years'])
        .where('d.kind', '=', 'election')
        .where('d.status', '=', 'published')
        .where('d.compound_id', 'in', ids)
        .orderBy('d.published_at', 'desc')
        .execute()
    : [];
  const now = ctx.kernel.clock.now().getTime();
  const total = { candidates: { party: 0, total: 0 }, elected: { party: 0, total: 0 } };
  const rows = compounds.map((c) => {
    const last = elections.find((e) => e.compound_id === c.id && e.purpose === 'regular');
    const result = last ? storedElection(last.result) : null;
    // The run-off and the by-election complete the regular election's seats.
    const followUps = last
      ? elections.filter((e) => e.parent_id === last.id).flatMap((e) => {
          const r = storedElection(e.result);
          return r ? [{ purpose: e.purpose, result: r }] : [];
        })
      : [];
    const elected = [...(result?.elected ?? []), ...followUps.flatMap((f) => f.result.elected)];
    const candidates: Share = result ? { ...result.partyShare.candidates } : { party: 0, total: 0 };
    // A run-off's candidates are counted already in the election they complete; a by-election's are new.
    for (const f of followUps.filter((x) => x.purpose === 'by_election')) {
      candidates.party += f.result.partyShare.candidates.party;
      candidates.total += f.result.partyShare.candidates.total;
    }
    const inTerm = !!last?.published_at && now < last.published_at.getTime() + last.term_years * YEAR_MS;
    const row = {
      compoundId: c.id,
      label: c.label,
      hasCommittee: inTerm && elected.length > 0,
      elected: elected.length,
      seats: last?.seats ?? 0,
      partyElected: elected.filter((x) => x.partyMember).length,
      candidates: candidates.total,
      partyCandidates: candidates.party,
      lastElectionId: last?.id ?? null,
      publishedAt: last?.published_at ?? null,
    };
    total.candidates.party += row.partyCandidates;
    total.candidates.total += row.candidates;
    total.elected.party += row.partyElected;
    total.elected.total += row.elected;
    return row;
  });
  return { compounds: rows, coverage: { compounds: rows.length, withCommittee: rows.filter((r) => r.hasCommittee).length }, partyShare: total };
}

const percent = (s: Share) => (s.total ? `${Math.round((s.party * 1000) / s.total) / 10}%` : '—');

/** The report as a spreadsheet: one row per compound, the totals beneath. */
export async function electionReportXlsx(ctx: Ctx, placeId?: string): Promise<{ fileName: string; content: Buffer }> {
  const report = await electionReport(ctx, placeId);
  const en = ctx.actor.locale === 'en';
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(en ? 'Committees' : '业委会覆盖情况');
  sheet.addRow([en ? "Owners' committees: coverage and party members" : '业主委员会覆盖率与党员占比']).font = { bold: true, size: 14 };
  sheet.addRow([]);
  sheet.addRow([
    en ? 'Compound' : '小区',
    en ? 'Has a committee' : '已成立业委会',
    en ? 'Seats' : '应选名额',
    en ? 'Elected' : '当选人数',
    en ? 'Party members elected' : '当选党员',
    en ? 'Candidates' : '候选人数',
    en ? 'Party members among candidates' : '候选人中党员',
  ]).font = { bold: true };
  for (const r of report.compounds) {
    sheet.addRow([r.label, r.hasCommittee ? (en ? 'Yes' : '是') : en ? 'No' : '否', r.seats, r.elected, r.partyElected, r.candidates, r.partyCandidates]);
  }
  sheet.addRow([]);
  sheet.addRow([en ? 'Coverage' : '覆盖率', `${report.coverage.withCommittee} / ${report.coverage.compounds}`]);
  sheet.addRow([en ? 'Party share among candidates' : '候选人党员占比', `${report.partyShare.candidates.party} / ${report.partyShare.candidates.total}`, percent(report.partyShare.candidates)]);
  sheet.addRow([en ? 'Party share among the elected' : '当选委员党员占比', `${report.partyShare.elected.party} / ${report.partyShare.elected.total}`, percent(report.partyShare.elected)]);
  sheet.getColumn(1).width = 36;
  return { fileName: en ? 'committee-report.xlsx' : '业委会覆盖情况.xlsx', content: Buffer.from(await book.xlsx.writeBuffer()) };
}
