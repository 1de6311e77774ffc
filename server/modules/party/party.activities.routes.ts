import type { Kernel } from '../../kernel/context.ts';
import { ctxOf } from '../../kernel/http/server.ts';
import type { App } from '../../kernel/module.ts';
import { ActivitiesQuery, ActivityBody, ActivityParams, AttendanceQuery, AttendeeParams, CancelBody, MarkBody, OpenSignInBody, SignInBody } from './party.activities.schemas.ts';
import { exportMemberAttendanceXlsx, listMemberAttendance } from './use-cases/activities-attendance.ts';
import { exportActivityAttendeesXlsx } from './use-cases/activities-attendees-export.ts';
import { getActivity } from './use-cases/activities-get.ts';
import { exportActivitiesXlsx, listActivities } from './use-cases/activities-list.ts';
import { myActivities } from './use-cases/activities-mine.ts';
import { cancelActivity, listActivityBranches, scheduleActivity } from './use-cases/activities-schedule.ts';
import { markAttendance, openSignIn, signInByCode } from './use-cases/activities-sign-in.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The activities part's routes (主题党日, 学习会 …): schedule, cancel, sign-in by code, attendance. Thin. */
export function activitiesRoutes(app: App, kernel: Kernel) {
  const ctx = (req: Parameters<typeof ctxOf>[1]) => ctxOf(kernel, req);
  const tags = ['party activities'];
  const base = '/api/party/activities';
  const xlsx = (reply: { header(k: string, v: string): typeof reply; send(b: Buffer): unknown }, file: { fileName: string; content: Buffer }) =>
    reply
      .header('content-type', XLSX)
      .header('content-disposition', `attachment; filename="file"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
      .send(file.content);

  app.get(base, { schema: { tags, summary: 'Activities in my places with attendance counts: search, filter, sort, page', querystring: ActivitiesQuery } }, async (req) => listActivities(ctx(req), req.query));
  app.get(`${base}/export.xlsx`, { schema: { tags, summary: 'The activities as xlsx', querystring: ActivitiesQuery } }, async (req, reply) => xlsx(reply, await exportActivitiesXlsx(ctx(req), req.query)));
  app.get(`${base}/branches`, { schema: { tags, summary: 'The party organisations I may organise activities for' } }, async (req) => listActivityBranches(ctx(req)));
  app.get(`${base}/attendance`, { schema: { tags, summary: "Members' attendance over a year (invited, present, excused)", querystring: AttendanceQuery } }, async (req) => listMemberAttendance(ctx(req), req.query));
  app.get(`${base}/attendance/export.xlsx`, { schema: { tags, summary: "Members' attendance over a year as xlsx", querystring: AttendanceQuery } }, async (req, reply) =>
    xlsx(reply, await exportMemberAttendanceXlsx(ctx(req), req.query)),
  );
  app.post(base, { schema: { tags, summary: 'Schedule an activity: its audience is invited and notified', body: ActivityBody } }, async (req, reply) => reply.code(201).send(await scheduleActivity(ctx(req), req.body)));
  app.get(`${base}/:id`, { schema: { tags, summary: 'An activity with its attendees (and, for its managers, the current sign-in code)', params: ActivityParams } }, async (req) => getActivity(ctx(req), req.params.id));
  app.get(`${base}/:id/attendees.xlsx`, { schema: { tags, summary: "An activity's sign-in sheet as xlsx", params: ActivityParams } }, async (req, reply) =>
    xlsx(reply, await exportActivityAttendeesXlsx(ctx(req), req.params.id)),
  );
  app.post(`${base}/:id/cancel`, { schema: { tags, summary: 'Cancel an activity with a reason (its audience is told)', params: ActivityParams, body: CancelBody } }, async (req) =>
    cancelActivity(ctx(req), req.params.id, req.body.reason),
  );
  app.post(`${base}/:id/sign-in`, { schema: { tags, summary: 'Open (or reopen) sign-in: a new 6-digit code valid for N minutes; the old one stops working', params: ActivityParams, body: OpenSignInBody } }, async (req) =>
    openSignIn(ctx(req), req.params.id, req.body.minutes),
  );
  app.put(`${base}/:id/attendees/:attendeeId`, { schema: { tags, summary: "Record a member's attendance by hand: present, or excused with a reason", params: AttendeeParams, body: MarkBody } }, async (req) =>
    markAttendance(ctx(req), req.params.id, req.params.attendeeId, req.body),
  );

  app.get('/api/me/party/activities', { schema: { tags, summary: 'My party activities: upcoming and my attendance history' } }, async (req) => myActivities(ctx(req)));
  app.post('/api/me/party/activities/sign-in', { schema: { tags, summary: 'Sign in at an activity with its code (a repeat answers as the first)', body: SignInBody } }, async (req) => signInByCode(ctx(req), req.body.code));
}
