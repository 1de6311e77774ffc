import { organisationsOfKind } from '../../registry/index.ts';
import type { Executor } from '../party.db.ts';
import { lettersCoveredMembers } from './letters-covered-members.ts';
import { memberServiceTotals } from './services-totals.ts';

export interface LetterLine {
  memberId: string;
  name: string;
  minutes: number;
  /** minutes / 60 to one decimal place, from the minutes (never from rounded parts). */
  hours: string;
  points: number;
  posts: string[];
}
export interface LetterTotals {
  members: number;
  minutes: number;
  hours: string;
  points: number;
}

/** Hours to one decimal place, computed exactly from whole minutes (tenths = minutes / 6, half up). */
export function hoursOf(minutes: number): string {
  const tenths = Math.floor((minutes * 10 + 30) / 60);
  return `${Math.floor(tenths / 10)}.${tenths % 10}`;
}

/** An annual letter's lines as they stand: each covered member's service in the year, and the totals. */
export async function annualLines(db: Executor, streetId: string, communityId: string, organisationId: string, year: number): Promise<{ lines: LetterLine[]; totals: LetterTotals }> {
  const members = await lettersCoveredMembers(db, streetId, communityId, organisationId);
  const sums = new Map((await memberServiceTotals(db, streetId, members.map((m) => m.id), year)).map((t) => [t.memberId, t]));
  const lines = members.map((m) => {
    const t = sums.get(m.id);
    const minutes = t?.minutes ?? 0;
    return { memberId: m.id, name: m.personName, minutes, hours: hoursOf(minutes), points: t?.points ?? 0, posts: t?.posts ?? [] };
  });
  const minutes = lines.reduce((a, l) => a + l.minutes, 0);
  return { lines, totals: { members: lines.length, minutes, hours: hoursOf(minutes), points: lines.reduce((a, l) => a + l.points, 0) } };
}

/** The community's party organisation (its 社区党委/党总支), the letter's signatory; else the community's name. */
export async function communityPartyOrgName(db: Executor, streetId: string, community: { id: string; name: string; path: string }): Promise<string> {
  const orgs = await organisationsOfKind(db, 'party_org', { streetId, placePath: community.path });
  const own = orgs.find((o) => o.placeId === community.id && o.partyLevel === 'community_branch') ?? orgs.find((o) => o.placeId === community.id);
  return own?.name ?? `${community.name}党组织`;
}

/** The annual letter's title: 关于XX同志等在职党员到社区报到服务情况的函. */
export function annualSubject(lines: readonly { name: string }[], organisationName: string): string {
  return lines.length ? `关于${lines[0]!.name}同志等在职党员到社区报到服务情况的函` : `关于${organisationName}在职党员到社区报到服务情况的函`;
}
