/**
 * What the web may know of the party module (scripts/check-boundaries.ts holds it): its vocabulary (runtime
 * values, free of server dependencies), and the types of its requests and answers (type-only).
 */
export * from './party.constants.ts';
// members part: answers' types (type-only).
export type { MemberListRow } from './use-cases/members-list.ts';
export type { getMember, memberOrganisations, searchMemberPersons } from './use-cases/members-get.ts';
export type { getMyMembership } from './use-cases/members-me.ts';
export type { readTree, TreeNode } from './use-cases/tree-read.ts';
export type { readCoverage } from './use-cases/coverage-read.ts';
export type { MemberBody, MemberPatch } from './party.members.schemas.ts';
