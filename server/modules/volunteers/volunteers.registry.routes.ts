import type { Kernel } from '../../kernel/context.ts';
import { ctxOf } from '../../kernel/http/server.ts';
import type { App } from '../../kernel/module.ts';
import { IdParams } from './volunteers.routes.ts';
import {
  CandidatesQuery,
  LedgerQuery,
  MemberBody,
  MemberParams,
  ReasonBody,
  RedemptionsQuery,
  RegisterBody,
  RewardBody,
  RewardUpdateBody,
  RewardsQuery,
  ShareQuery,
  TeamBody,
  TeamUpdateBody,
  TeamsQuery,
  VolunteersQuery,
} from './volunteers.registry.schemas.ts';
import { exportVolunteersXlsx, listVolunteers } from './use-cases/registry-list.ts';
import { myPoints } from './use-cases/registry-my-points.ts';
import { myRegistration, registerVolunteer } from './use-cases/registry-register.ts';
import { reviewVolunteer } from './use-cases/registry-review.ts';
import { compoundShares } from './use-cases/registry-share.ts';
import { addTeamMember, removeTeamMember, teamCandidates } from './use-cases/registry-team-members.ts';
import { createTeam, getTeam, listTeams, updateTeam } from './use-cases/registry-teams.ts';
import { listRewards } from './use-cases/rewards-list.ts';
import { myRewards, redeemReward } from './use-cases/rewards-redeem.ts';
import { exportRedemptionsXlsx, handOverRedemption, listRedemptions } from './use-cases/rewards-redemptions.ts';
import { createReward, updateReward } from './use-cases/rewards-save.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The registry part's routes: registration and review, the registered share, teams, my points, rewards. Thin. */
export function registryRoutes(app: App, kernel: Kernel) {
  const ctx = (req: Parameters<typeof ctxOf>[1]) => ctxOf(kernel, req);
  const tags = ['volunteers registry'];
  const V = '/api/volunteers/registry';
  const xlsx = (reply: { header(k: string, v: string): typeof reply; send(b: Buffer): unknown }, file: { fileName: string; content: Buffer }) =>
    reply
      .header('content-type', XLSX)
      .header('content-disposition', `attachment; filename="file"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
      .send(file.content);

  // The resident's side (H5).
  app.get('/api/me/volunteers/registration', { schema: { tags, summary: 'My volunteer registration: my real name, my compounds, the skills, my registrations with status' } }, async (req) => myRegistration(ctx(req)));
  app.post('/api/me/volunteers/registration', { schema: { tags, summary: 'Register as a volunteer at a compound I live in (pending review); a rejected registration registers again', body: RegisterBody } }, async (req, reply) =>
    reply.code(201).send(await registerVolunteer(ctx(req), req.body)),
  );
  app.get('/api/me/volunteers/points', { schema: { tags, summary: 'My points, service hours and ledger lines (newest first)', querystring: LedgerQuery } }, async (req) => myPoints(ctx(req), req.query));
  app.get('/api/me/volunteers/rewards', { schema: { tags, summary: 'The rewards my community offers me, with my balance' } }, async (req) => myRewards(ctx(req)));
  app.post('/api/me/volunteers/rewards/:id/redeem', { schema: { tags, summary: 'Redeem a reward: its stock and my points are taken in one transaction', params: IdParams } }, async (req, reply) =>
    reply.code(201).send(await redeemReward(ctx(req), req.params.id)),
  );

  // The community's side (workbench).
  app.get(V, { schema: { tags, summary: 'Volunteers in my places: search by name, filter by status, place and skill, sort, page', querystring: VolunteersQuery } }, async (req) => listVolunteers(ctx(req), req.query));
  app.get(`${V}/export.xlsx`, { schema: { tags, summary: 'The volunteers as xlsx', querystring: VolunteersQuery } }, async (req, reply) => xlsx(reply, await exportVolunteersXlsx(ctx(req), req.query)));
  app.get(`${V}/share`, { schema: { tags, summary: "Each compound's registered share (approved volunteers ÷ persons with a current household) against 15%", querystring: ShareQuery } }, async (req) =>
    compoundShares(ctx(req), req.query.placeId),
  );
  app.post(`${V}/:id/approve`, { schema: { tags, summary: 'Approve a pending registration (the resident is told)', params: IdParams } }, async (req) => reviewVolunteer(ctx(req), req.params.id, 'approve'));
  app.post(`${V}/:id/reject`, { schema: { tags, summary: 'Reject a pending registration with a reason (the resident is told)', params: IdParams, body: ReasonBody } }, async (req) =>
    reviewVolunteer(ctx(req), req.params.id, 'reject', req.body.reason),
  );
  app.post(`${V}/:id/suspend`, { schema: { tags, summary: 'Suspend an approved volunteer', params: IdParams } }, async (req) => reviewVolunteer(ctx(req), req.params.id, 'suspend'));
  app.post(`${V}/:id/restore`, { schema: { tags, summary: 'Restore a suspended volunteer', params: IdParams } }, async (req) => reviewVolunteer(ctx(req), req.params.id, 'restore'));

  const T = '/api/volunteers/teams';
  app.get(T, { schema: { tags, summary: 'Volunteer teams in my places', querystring: TeamsQuery } }, async (req) => listTeams(ctx(req), req.query));
  app.post(T, { schema: { tags, summary: 'Form a team at a community or compound', body: TeamBody } }, async (req, reply) => reply.code(201).send(await createTeam(ctx(req), req.body)));
  app.get(`${T}/:id`, { schema: { tags, summary: 'A team with its members', params: IdParams } }, async (req) => getTeam(ctx(req), req.params.id));
  app.put(`${T}/:id`, { schema: { tags, summary: "Change a team's name, leader or description", params: IdParams, body: TeamUpdateBody } }, async (req) => updateTeam(ctx(req), req.params.id, req.body));
  app.get(`${T}/:id/candidates`, { schema: { tags, summary: "Approved volunteers of the team's place not yet in it", params: IdParams, querystring: CandidatesQuery } }, async (req) =>
    teamCandidates(ctx(req), req.params.id, req.query.q),
  );
  app.post(`${T}/:id/members`, { schema: { tags, summary: 'Add an approved volunteer of the place to the team', params: IdParams, body: MemberBody } }, async (req, reply) =>
    reply.code(201).send(await addTeamMember(ctx(req), req.params.id, req.body.volunteerId)),
  );
  app.delete(`${T}/:id/members/:volunteerId`, { schema: { tags, summary: 'Remove a member from the team', params: MemberParams } }, async (req) => removeTeamMember(ctx(req), req.params.id, req.params.volunteerId));

  const R = '/api/volunteers/rewards';
  app.get(R, { schema: { tags, summary: 'Rewards listed in my places', querystring: RewardsQuery } }, async (req) => listRewards(ctx(req), req.query));
  app.post(R, { schema: { tags, summary: 'List a reward for points at a community or compound', body: RewardBody } }, async (req, reply) => reply.code(201).send(await createReward(ctx(req), req.body)));
  app.put(`${R}/:id`, { schema: { tags, summary: "Change a reward's name, points, stock or whether it is offered", params: IdParams, body: RewardUpdateBody } }, async (req) =>
    updateReward(ctx(req), req.params.id, req.body),
  );
  const D = '/api/volunteers/redemptions';
  app.get(D, { schema: { tags, summary: 'Rewards redeemed in my places', querystring: RedemptionsQuery } }, async (req) => listRedemptions(ctx(req), req.query));
  app.get(`${D}/export.xlsx`, { schema: { tags, summary: 'The redemptions as xlsx', querystring: RedemptionsQuery } }, async (req, reply) => xlsx(reply, await exportRedemptionsXlsx(ctx(req), req.query)));
  app.post(`${D}/:id/hand-over`, { schema: { tags, summary: 'Mark a redeemed reward handed over', params: IdParams } }, async (req) => handOverRedemption(ctx(req), req.params.id));
}
