import type { Kernel } from '../../kernel/context.ts';
import { ctxOf } from '../../kernel/http/server.ts';
import type { App } from '../../kernel/module.ts';
import {
  BadgeBody,
  BranchParams,
  CoverageQuery,
  EndBody,
  HostBody,
  MemberBody,
  MemberParams,
  MemberPatch,
  MembersQuery,
  PersonsQuery,
  StreetQuery,
} from './party.members.schemas.ts';
import { readCoverage } from './use-cases/coverage-read.ts';
import { createMember } from './use-cases/members-create.ts';
import { getMember, memberOrganisations, searchMemberPersons } from './use-cases/members-get.ts';
import { exportMembersXlsx, listMembers } from './use-cases/members-list.ts';
import { getMyMembership, setMyBadge } from './use-cases/members-me.ts';
import { endMember, updateMember } from './use-cases/members-update.ts';
import { readTree } from './use-cases/tree-read.ts';
import { linkBranchHost } from './use-cases/tree-link-host.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The members part's routes (member records, the member's own identity, the organisation tree, coverage): thin. */
export function membersRoutes(app: App, kernel: Kernel) {
  const ctx = (req: Parameters<typeof ctxOf>[1]) => ctxOf(kernel, req);
  const tags = ['party members'];
  const base = '/api/party/members';

  app.get(base, { schema: { tags, summary: 'Party member records in my places (a workplace liaison: its employed members), search, filter, sort, page', querystring: MembersQuery } }, async (req) =>
    listMembers(ctx(req), req.query),
  );
  app.get(`${base}/export.xlsx`, { schema: { tags, summary: 'The member records as xlsx', querystring: MembersQuery } }, async (req, reply) => {
    const file = await exportMembersXlsx(ctx(req), req.query);
    return reply
      .header('content-type', XLSX)
      .header('content-disposition', `attachment; filename="file"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
      .send(file.content);
  });
  app.get(`${base}/persons`, { schema: { tags, summary: 'Pick a person to file as a member: persons of the street by name in my places (masked)', querystring: PersonsQuery } }, async (req) =>
    searchMemberPersons(ctx(req), req.query),
  );
  app.get(`${base}/organisations`, { schema: { tags, summary: "The street's party organisations and workplace organisations a member can be filed in", querystring: StreetQuery } }, async (req) =>
    memberOrganisations(ctx(req), req.query.streetId),
  );
  app.post(base, { schema: { tags, summary: 'File a registry person as a party member (local: a branch of the street; employed: a workplace organisation)', body: MemberBody } }, async (req, reply) =>
    reply.code(201).send(await createMember(ctx(req), req.body)),
  );
  app.get(`${base}/:id`, { schema: { tags, summary: 'A member record', params: MemberParams } }, async (req) => getMember(ctx(req), req.params.id));
  app.patch(`${base}/:id`, { schema: { tags, summary: "Edit a member's membership, organisation, joining date, note", params: MemberParams, body: MemberPatch } }, async (req) =>
    updateMember(ctx(req), req.params.id, req.body),
  );
  app.post(`${base}/:id/end`, { schema: { tags, summary: 'End a membership (转出): left on a day', params: MemberParams, body: EndBody } }, async (req) =>
    endMember(ctx(req), req.params.id, req.body),
  );

  app.get('/api/party/me', { schema: { tags, summary: 'My own member record (我的党员身份)' } }, async (req) => getMyMembership(ctx(req)));
  app.put('/api/party/me/badge', { schema: { tags, summary: 'Show or hide my party identity on my posts (亮明党员身份)', body: BadgeBody } }, async (req) => setMyBadge(ctx(req), req.body));

  app.get('/api/party/tree', { schema: { tags, summary: "The street's party organisation tree with members and hosts, and the workplace organisations", querystring: StreetQuery } }, async (req) =>
    readTree(ctx(req), req.query.streetId),
  );
  app.put('/api/party/tree/:branchId/host', { schema: { tags, summary: 'Link a branch to the property company it is set up in (null: unlink)', params: BranchParams, body: HostBody } }, async (req) =>
    linkBranchHost(ctx(req), req.params.branchId, req.body),
  );
  app.get('/api/party/coverage', { schema: { tags, summary: 'Coverage figures now for a place and its places one level down', querystring: CoverageQuery } }, async (req) =>
    readCoverage(ctx(req), req.query.placeId),
  );
}
