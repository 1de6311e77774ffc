import type { FastifyReply } from 'fastify';
import type { Kernel } from '../../kernel/context.ts';
import { ctxOf } from '../../kernel/http/server.ts';
import type { App } from '../../kernel/module.ts';
import {
  DecideBody,
  IdParams,
  MemberClaimBody,
  MemberClaimsQuery,
  MemberReportBody,
  MemberReportsQuery,
  OrgClaimBody,
  OrgClaimsQuery,
  OrgReportBody,
  OrgReportsQuery,
  PostEditBody,
  PostInput,
  ProjectBody,
  ProjectEditBody,
  ProjectsQuery,
  ServiceBody,
  ServiceDeleteBody,
  ServicesQuery,
  YearQuery,
} from './party.reporting.schemas.ts';
import { listMemberClaims } from './use-cases/claims-list-member-claims.ts';
import { listOrgClaims } from './use-cases/claims-list-org-claims.ts';
import { claimPost } from './use-cases/claims-member-claim.ts';
import { myProjects } from './use-cases/claims-my-projects.ts';
import { claimProjectForOrg } from './use-cases/claims-org-claim.ts';
import { withdrawMemberClaim } from './use-cases/claims-withdraw-member-claim.ts';
import { addPost } from './use-cases/projects-add-post.ts';
import { closeProject } from './use-cases/projects-close.ts';
import { createProject } from './use-cases/projects-create.ts';
import { getProject } from './use-cases/projects-get.ts';
import { exportProjectsXlsx, listProjects } from './use-cases/projects-list.ts';
import { updatePost } from './use-cases/projects-update-post.ts';
import { updateProject } from './use-cases/projects-update.ts';
import { reportingContext } from './use-cases/reporting-context.ts';
import { decideMemberReport } from './use-cases/reporting-decide-member-report.ts';
import { decideOrgReport } from './use-cases/reporting-decide-org-report.ts';
import { exportMemberReportsXlsx, listMemberReports } from './use-cases/reporting-list-member-reports.ts';
import { exportOrgReportsXlsx, listOrgReports } from './use-cases/reporting-list-org-reports.ts';
import { myReporting } from './use-cases/reporting-my-reporting.ts';
import { submitMemberReport } from './use-cases/reporting-submit-member-report.ts';
import { submitOrgReport } from './use-cases/reporting-submit-org-report.ts';
import { withdrawMemberReport } from './use-cases/reporting-withdraw-member-report.ts';
import { withdrawOrgReport } from './use-cases/reporting-withdraw-org-report.ts';
import { deleteService } from './use-cases/services-delete.ts';
import { exportServicesXlsx, listServices } from './use-cases/services-list.ts';
import { myService } from './use-cases/services-my-service.ts';
import { recordService } from './use-cases/services-record.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const sendXlsx = (reply: FastifyReply, file: { fileName: string; content: Buffer }) =>
  reply
    .header('content-type', XLSX)
    .header('content-disposition', `attachment; filename="file"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
    .send(file.content);

/** The reporting part's routes (双报到, service projects and posts, claims, service records; the member's H5). Thin. */
export function reportingRoutes(app: App, kernel: Kernel) {
  const ctx = (req: Parameters<typeof ctxOf>[1]) => ctxOf(kernel, req);
  const tags = ['party reporting'];
  const base = '/api/party';

  app.get(`${base}/reporting/context`, { schema: { tags, summary: 'The communities I read 双报到 at (whether I manage each) and, a liaison, my organisations' } }, async (req) =>
    reportingContext(ctx(req)),
  );
  // Organisations' reports.
  app.get(`${base}/org-reports`, { schema: { tags, summary: "Workplace organisations' reports (a liaison: its own); search, filter (本年未认领), sort, page", querystring: OrgReportsQuery } }, async (req) =>
    listOrgReports(ctx(req), req.query),
  );
  app.get(`${base}/org-reports/export.xlsx`, { schema: { tags, summary: "Workplace organisations' reports as xlsx", querystring: OrgReportsQuery } }, async (req, reply) =>
    sendXlsx(reply, await exportOrgReportsXlsx(ctx(req), req.query)),
  );
  app.post(`${base}/org-reports`, { schema: { tags, summary: 'Report one of my workplace organisations to a community (the liaison)', body: OrgReportBody } }, async (req, reply) =>
    reply.code(201).send(await submitOrgReport(ctx(req), req.body)),
  );
  app.post(`${base}/org-reports/:id/withdraw`, { schema: { tags, summary: "Withdraw my organisation's pending report", params: IdParams } }, async (req) =>
    withdrawOrgReport(ctx(req), req.params.id),
  );
  app.post(`${base}/org-reports/:id/decision`, { schema: { tags, summary: 'Confirm or reject a pending organisation report (the community; a reason to reject)', params: IdParams, body: DecideBody } }, async (req) =>
    decideOrgReport(ctx(req), req.params.id, req.body),
  );
  // Members' reports.
  app.get(`${base}/member-reports`, { schema: { tags, summary: "Employed members' reports (a liaison: its own organisations' members'); search, filter, sort, page", querystring: MemberReportsQuery } }, async (req) =>
    listMemberReports(ctx(req), req.query),
  );
  app.get(`${base}/member-reports/export.xlsx`, { schema: { tags, summary: "Employed members' reports as xlsx", querystring: MemberReportsQuery } }, async (req, reply) =>
    sendXlsx(reply, await exportMemberReportsXlsx(ctx(req), req.query)),
  );
  app.post(`${base}/member-reports/:id/decision`, { schema: { tags, summary: "Confirm or reject a member's pending report (the community; a reason to reject)", params: IdParams, body: DecideBody } }, async (req) =>
    decideMemberReport(ctx(req), req.params.id, req.body),
  );
  // Projects and posts.
  app.get(`${base}/projects`, { schema: { tags, summary: 'Service projects (a liaison: of the communities it reported to, confirmed); search, filter, sort, page', querystring: ProjectsQuery } }, async (req) =>
    listProjects(ctx(req), req.query),
  );
  app.get(`${base}/projects/export.xlsx`, { schema: { tags, summary: 'Service projects as xlsx', querystring: ProjectsQuery } }, async (req, reply) =>
    sendXlsx(reply, await exportProjectsXlsx(ctx(req), req.query)),
  );
  app.post(`${base}/projects`, { schema: { tags, summary: 'List a service project with its posts (the community)', body: ProjectBody } }, async (req, reply) =>
    reply.code(201).send(await createProject(ctx(req), req.body)),
  );
  app.get(`${base}/projects/:id`, { schema: { tags, summary: 'A project: its posts with their claims, the organisations that claimed it', params: IdParams } }, async (req) =>
    getProject(ctx(req), req.params.id),
  );
  app.patch(`${base}/projects/:id`, { schema: { tags, summary: "Edit an open project's title, description and place", params: IdParams, body: ProjectEditBody } }, async (req) =>
    updateProject(ctx(req), req.params.id, req.body),
  );
  app.post(`${base}/projects/:id/close`, { schema: { tags, summary: 'Close a project to new claims', params: IdParams } }, async (req) => closeProject(ctx(req), req.params.id));
  app.post(`${base}/projects/:id/posts`, { schema: { tags, summary: 'Add a post to an open project', params: IdParams, body: PostInput } }, async (req, reply) =>
    reply.code(201).send(await addPost(ctx(req), req.params.id, req.body)),
  );
  app.patch(`${base}/posts/:id`, { schema: { tags, summary: 'Edit a post (slots never below its claims this year)', params: IdParams, body: PostEditBody } }, async (req) =>
    updatePost(ctx(req), req.params.id, req.body),
  );
  // Claims.
  app.post(`${base}/projects/:id/org-claims`, { schema: { tags, summary: 'Claim the project for one of my organisations for this year (the liaison)', params: IdParams, body: OrgClaimBody } }, async (req, reply) =>
    reply.code(201).send(await claimProjectForOrg(ctx(req), req.params.id, req.body)),
  );
  app.get(`${base}/org-claims`, { schema: { tags, summary: "Organisations' claims of projects by year (a liaison: its own)", querystring: OrgClaimsQuery } }, async (req) =>
    listOrgClaims(ctx(req), req.query),
  );
  app.get(`${base}/member-claims`, { schema: { tags, summary: "Members' claims of posts with their service (a liaison: its own organisations' members')", querystring: MemberClaimsQuery } }, async (req) =>
    listMemberClaims(ctx(req), req.query),
  );
  // Service records.
  app.get(`${base}/services`, { schema: { tags, summary: "Members' service records with totals; search, filter by year, sort, page", querystring: ServicesQuery } }, async (req) =>
    listServices(ctx(req), req.query),
  );
  app.get(`${base}/services/export.xlsx`, { schema: { tags, summary: "Members' service records as xlsx", querystring: ServicesQuery } }, async (req, reply) =>
    sendXlsx(reply, await exportServicesXlsx(ctx(req), req.query)),
  );
  app.post(`${base}/services`, { schema: { tags, summary: "Record a member's service on a claim (the server computes the points)", body: ServiceBody } }, async (req, reply) =>
    reply.code(201).send(await recordService(ctx(req), req.body)),
  );
  app.post(`${base}/services/:id/delete`, { schema: { tags, summary: 'Delete a service record with a reason (to correct it, record it again)', params: IdParams, body: ServiceDeleteBody } }, async (req) =>
    deleteService(ctx(req), req.params.id, req.body),
  );
  // The member's own (H5).
  app.get(`${base}/me/reporting`, { schema: { tags, summary: 'My 双报到: whether I may report, the communities where I live, my reports' } }, async (req) => myReporting(ctx(req)));
  app.post(`${base}/me/reports`, { schema: { tags, summary: 'Report to the community where I live (an employed member)', body: MemberReportBody } }, async (req, reply) =>
    reply.code(201).send(await submitMemberReport(ctx(req), req.body)),
  );
  app.post(`${base}/me/reports/:id/withdraw`, { schema: { tags, summary: 'Withdraw my pending report', params: IdParams } }, async (req) => withdrawMemberReport(ctx(req), req.params.id));
  app.get(`${base}/me/projects`, { schema: { tags, summary: "The open projects and posts of the community I reported to (confirmed), with my claims" } }, async (req) => myProjects(ctx(req)));
  app.post(`${base}/me/claims`, { schema: { tags, summary: 'Claim a post for this year', body: MemberClaimBody } }, async (req, reply) => reply.code(201).send(await claimPost(ctx(req), req.body)));
  app.post(`${base}/me/claims/:id/withdraw`, { schema: { tags, summary: 'Withdraw my claim', params: IdParams } }, async (req) => withdrawMemberClaim(ctx(req), req.params.id));
  app.get(`${base}/me/service`, { schema: { tags, summary: 'My claims and service records of a year, with my totals per year', querystring: YearQuery } }, async (req) =>
    myService(ctx(req), req.query.year),
  );
}
