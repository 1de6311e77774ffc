import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kernel } from '../../kernel/context.ts';
import { ctxOf } from '../../kernel/http/server.ts';
import type { App } from '../../kernel/module.ts';
import { publicLinks } from '../../kernel/public/public-pages.ts';
import { ActivitiesQuery, ActivityBody, AttendanceBody, CancelBody, CheckInBody, CodeQuery, ConfirmBody, PeriodQuery, SignupParams } from './volunteers.activities.schemas.ts';
import { IdParams } from './volunteers.routes.ts';
import { myCertificate, volunteerCertificate } from './use-cases/activities-certificate.ts';
import { checkInByCode } from './use-cases/activities-check-in.ts';
import { currentCode } from './use-cases/activities-code-show.ts';
import { getActivity } from './use-cases/activities-get.ts';
import { confirmHours, recordAttendance } from './use-cases/activities-hours.ts';
import { exportActivitiesXlsx, listActivities } from './use-cases/activities-list.ts';
import { myActivities, openActivities, residentActivity } from './use-cases/activities-mine.ts';
import { cancelActivity, publishActivity } from './use-cases/activities-publish.ts';
import { cancelSignUp, signUp } from './use-cases/activities-signup.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const file = (reply: FastifyReply, type: string, f: { fileName: string; content: Buffer }, inline = false) =>
  reply
    .header('content-type', type)
    .header('content-disposition', `${inline ? 'inline' : 'attachment'}; filename="file"; filename*=UTF-8''${encodeURIComponent(f.fileName)}`)
    .send(f.content);

/** The activities part's routes: staff organise, show the rotating code, confirm hours; volunteers sign up and check in. Thin. */
export function activitiesRoutes(app: App, kernel: Kernel) {
  const ctx = (req: FastifyRequest) => ctxOf(kernel, req);
  const liveUrl = (req: FastifyRequest) => (volunteerId: string) => `${kernel.config.publicUrl ?? `${req.protocol}://${req.host}`}${publicLinks('volunteers.service-record', volunteerId).page}`;
  const tags = ['volunteer activities'];
  const base = '/api/volunteers/activities';

  app.get(base, { schema: { tags, summary: 'Volunteer activities in my places: search, filter, sort, page', querystring: ActivitiesQuery } }, async (req) => listActivities(ctx(req), req.query));
  app.get(`${base}/export.xlsx`, { schema: { tags, summary: 'The activities as xlsx', querystring: ActivitiesQuery } }, async (req, reply) => file(reply, XLSX, await exportActivitiesXlsx(ctx(req), req.query)));
  app.post(base, { schema: { tags, summary: "Publish an activity of a community or compound (its approved volunteers are told)", body: ActivityBody } }, async (req, reply) =>
    reply.code(201).send(await publishActivity(ctx(req), req.body)),
  );
  app.get(`${base}/certificates/:id`, { schema: { tags, summary: "A volunteer's service certificate (PDF) over a period", params: IdParams, querystring: PeriodQuery } }, async (req, reply) =>
    file(reply, 'application/pdf', await volunteerCertificate(ctx(req), req.params.id, req.query, liveUrl(req)), true),
  );
  app.get(`${base}/:id`, { schema: { tags, summary: 'An activity with its sign-ups and attendance', params: IdParams } }, async (req) => getActivity(ctx(req), req.params.id));
  app.post(`${base}/:id/cancel`, { schema: { tags, summary: 'Cancel an activity with a reason (those signed up are told)', params: IdParams, body: CancelBody } }, async (req) =>
    cancelActivity(ctx(req), req.params.id, req.body.reason),
  );
  app.get(`${base}/:id/code`, { schema: { tags, summary: 'The current rotating sign-in or sign-out code (organisers only)', params: IdParams, querystring: CodeQuery } }, async (req) =>
    currentCode(ctx(req), req.params.id, req.query.mode),
  );
  app.put(`${base}/:id/signups/:signupId/attendance`, { schema: { tags, summary: "Record a volunteer's sign-out (and sign-in) by hand", params: SignupParams, body: AttendanceBody } }, async (req) =>
    recordAttendance(ctx(req), req.params.id, req.params.signupId, req.body),
  );
  app.post(`${base}/:id/confirm`, { schema: { tags, summary: 'Confirm the hours (all signed out, or those named): minutes and points are credited once', params: IdParams, body: ConfirmBody } }, async (req) =>
    confirmHours(ctx(req), req.params.id, req.body.signupIds),
  );

  const mine = '/api/me/volunteers/activities';
  app.get(mine, { schema: { tags, summary: "The activities of my compound and community that are open" } }, async (req) => openActivities(ctx(req)));
  app.get(`${mine}/mine`, { schema: { tags, summary: 'The activities I signed up for, with my hours and points' } }, async (req) => myActivities(ctx(req)));
  app.get(`${mine}/certificate.pdf`, { schema: { tags, summary: 'My service certificate (PDF) over a period', querystring: PeriodQuery } }, async (req, reply) =>
    file(reply, 'application/pdf', await myCertificate(ctx(req), req.query, liveUrl(req)), true),
  );
  app.post(`${mine}/check-in`, { schema: { tags, summary: "Sign in or out with the code on the organiser's phone (the code says which)", body: CheckInBody } }, async (req) => checkInByCode(ctx(req), req.body.code));
  app.get(`${mine}/:id`, { schema: { tags, summary: 'An activity of my compound or community, with my sign-up', params: IdParams } }, async (req) => residentActivity(ctx(req), req.params.id));
  app.post(`${mine}/:id/sign-up`, { schema: { tags, summary: 'Sign up (an approved volunteer; refused when full)', params: IdParams } }, async (req, reply) => reply.code(201).send(await signUp(ctx(req), req.params.id)));
  app.post(`${mine}/:id/cancel-sign-up`, { schema: { tags, summary: 'Cancel my sign-up before the start (frees the seat)', params: IdParams } }, async (req) => cancelSignUp(ctx(req), req.params.id));
}
