import { z } from 'zod';
import { PageQuery } from '../../kernel/pagination.ts';
import { NOTE_MAX, REPORT_STATUSES } from './party.constants.ts';
import {
  CLAIM_STATUSES,
  CONTACT_NAME_MAX,
  DESCRIPTION_MAX,
  POST_DESCRIPTION_MAX,
  POSTS_MAX,
  PROJECT_STATUSES,
  REPORT_DECISIONS,
  SKILLS_MAX,
  TITLE_MAX,
} from './party.reporting.constants.ts';
import { MemberReportsSort } from './use-cases/reporting-list-member-reports.ts';
import { OrgReportsSort } from './use-cases/reporting-list-org-reports.ts';
import { MemberClaimsSort } from './use-cases/claims-list-member-claims.ts';
import { OrgClaimsSort } from './use-cases/claims-list-org-claims.ts';
import { ProjectsSort } from './use-cases/projects-list.ts';
import { ServicesSort } from './use-cases/services-list.ts';

const Id = z.uuid();
const Search = z.string().trim().min(1).max(50).optional();
const Year = z.coerce.number().int().min(2000).max(2100);
const Day = z.iso.date();

export const IdParams = z.object({ id: Id });

export const OrgReportBody = z
  .object({
    organisationId: Id,
    communityId: Id,
    contactName: z.string().trim().min(1).max(CONTACT_NAME_MAX),
    contactPhone: z.string().trim().regex(/^[0-9+\-\s]{5,20}$/),
    note: z.string().trim().max(NOTE_MAX).optional(),
  })
  .strict();
export type OrgReportBody = z.infer<typeof OrgReportBody>;

export const MemberReportBody = z
  .object({ communityId: Id.optional(), skills: z.string().trim().max(SKILLS_MAX), note: z.string().trim().max(NOTE_MAX).optional() })
  .strict();
export type MemberReportBody = z.infer<typeof MemberReportBody>;

export const DecideBody = z.object({ decision: z.enum(REPORT_DECISIONS), reason: z.string().trim().max(NOTE_MAX).optional() }).strict();
export type DecideBody = z.infer<typeof DecideBody>;

export const OrgReportsQuery = PageQuery.extend({
  q: Search,
  communityId: Id.optional(),
  status: z.enum(REPORT_STATUSES).optional(),
  /** 本年未认领: confirmed organisations that claimed no project of the community this year. */
  unclaimed: z.enum(['true', 'false']).optional(),
  ...OrgReportsSort.query,
});
export type OrgReportsQuery = z.infer<typeof OrgReportsQuery>;

export const MemberReportsQuery = PageQuery.extend({
  q: Search,
  communityId: Id.optional(),
  status: z.enum(REPORT_STATUSES).optional(),
  ...MemberReportsSort.query,
});
export type MemberReportsQuery = z.infer<typeof MemberReportsQuery>;

export const PostInput = z
  .object({
    title: z.string().trim().min(1).max(TITLE_MAX),
    description: z.string().trim().max(POST_DESCRIPTION_MAX).optional(),
    slots: z.number().int().min(1).max(500),
    pointsPerHour: z.number().int().min(0).max(1000),
  })
  .strict();
export type PostInput = z.infer<typeof PostInput>;

export const ProjectBody = z
  .object({
    communityId: Id,
    /** The community itself or a compound in it; the community when left out. */
    placeId: Id.optional(),
    title: z.string().trim().min(1).max(TITLE_MAX),
    description: z.string().trim().max(DESCRIPTION_MAX).optional(),
    posts: z.array(PostInput).max(POSTS_MAX).optional(),
  })
  .strict();
export type ProjectBody = z.infer<typeof ProjectBody>;

export const ProjectEditBody = z
  .object({ placeId: Id.optional(), title: z.string().trim().min(1).max(TITLE_MAX), description: z.string().trim().max(DESCRIPTION_MAX).optional() })
  .strict();
export type ProjectEditBody = z.infer<typeof ProjectEditBody>;

export const PostEditBody = PostInput.extend({ status: z.enum(PROJECT_STATUSES).optional() }).strict();
export type PostEditBody = z.infer<typeof PostEditBody>;

export const ProjectsQuery = PageQuery.extend({
  q: Search,
  communityId: Id.optional(),
  status: z.enum(PROJECT_STATUSES).optional(),
  ...ProjectsSort.query,
});
export type ProjectsQuery = z.infer<typeof ProjectsQuery>;

export const OrgClaimBody = z.object({ organisationId: Id }).strict();
export type OrgClaimBody = z.infer<typeof OrgClaimBody>;

export const MemberClaimBody = z.object({ postId: Id }).strict();
export type MemberClaimBody = z.infer<typeof MemberClaimBody>;

export const MemberClaimsQuery = PageQuery.extend({
  q: Search,
  communityId: Id.optional(),
  projectId: Id.optional(),
  year: Year.optional(),
  status: z.enum(CLAIM_STATUSES).optional(),
  ...MemberClaimsSort.query,
});
export type MemberClaimsQuery = z.infer<typeof MemberClaimsQuery>;

export const OrgClaimsQuery = PageQuery.extend({
  q: Search,
  communityId: Id.optional(),
  year: Year.optional(),
  ...OrgClaimsSort.query,
});
export type OrgClaimsQuery = z.infer<typeof OrgClaimsQuery>;

export const ServiceBody = z
  .object({ claimId: Id, servedOn: Day, minutes: z.number().int().min(1).max(1440), note: z.string().trim().max(NOTE_MAX).optional() })
  .strict();
export type ServiceBody = z.infer<typeof ServiceBody>;

export const ServiceDeleteBody = z.object({ reason: z.string().trim().min(1).max(NOTE_MAX) }).strict();
export type ServiceDeleteBody = z.infer<typeof ServiceDeleteBody>;

export const ServicesQuery = PageQuery.extend({
  q: Search,
  communityId: Id.optional(),
  memberId: Id.optional(),
  year: Year.optional(),
  ...ServicesSort.query,
});
export type ServicesQuery = z.infer<typeof ServicesQuery>;

export const YearQuery = z.object({ year: Year.optional() });
