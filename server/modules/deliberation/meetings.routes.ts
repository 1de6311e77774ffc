import { z } from 'zod';
import type { Kernel } from '../../kernel/context.ts';
import { AttachmentErrors, type Upload } from '../../kernel/files/attachment-check.ts';
import { storedFileHeaders } from '../../kernel/files/files.ts';
import { readMultipart } from '../../kernel/http/multipart.ts';
import { ctxOf } from '../../kernel/http/server.ts';
import type { App } from '../../kernel/module.ts';
import { PageQuery } from '../../kernel/pagination.ts';
import { MEETING_ATTACHMENT_MAX_BYTES } from './meetings.constants.ts';
import {
  AddAttendeeBody,
  AgendaBody,
  AttendeePreviewQuery,
  CancelBody,
  CreateMeetingBody,
  CreateScheduleBody,
  MeetingAttachmentParams,
  MeetingAttendeeParams,
  MeetingIdParams,
  MeetingItemParams,
  MeetingsQuery,
  MinutesBody,
  OutcomeBody,
  PositionsBody,
  SchedulesQuery,
  SignInBody,
  UpdateMeetingBody,
  UpdateScheduleBody,
  WaitingItemsQuery,
} from './meetings.schemas.ts';
import { addMeetingAttachment } from './use-cases/add-meeting-attachment.ts';
import { addMeetingAttendee } from './use-cases/add-meeting-attendee.ts';
import { cancelMeeting } from './use-cases/cancel-meeting.ts';
import { changeMeetingAgenda } from './use-cases/change-meeting-agenda.ts';
import { closeMeeting } from './use-cases/close-meeting.ts';
import { createMeeting } from './use-cases/create-meeting.ts';
import { createMeetingSchedule } from './use-cases/create-meeting-schedule.ts';
import { deleteMeetingSchedule } from './use-cases/delete-meeting-schedule.ts';
import { getMeeting } from './use-cases/get-meeting.ts';
import { getMeetingAttachment } from './use-cases/get-meeting-attachment.ts';
import { listMeetingSchedules } from './use-cases/list-meeting-schedules.ts';
import { listMeetings } from './use-cases/list-meetings.ts';
import { listMeetingWaitingItems } from './use-cases/list-meeting-waiting-items.ts';
import { listMeetingAgendaCandidates } from './use-cases/list-meeting-agenda-candidates.ts';
import { renderMeetingRecordPdf } from './use-cases/meeting-record-pdf.ts';
import { meetingSignInQr } from './use-cases/meeting-sign-in-qr.ts';
import { getMyMeeting, listMyMeetings } from './use-cases/my-meetings.ts';
import { previewMeetingAttendees } from './use-cases/preview-meeting-attendees.ts';
import { recordMeetingOutcome } from './use-cases/record-meeting-outcome.ts';
import { removeMeetingAttachment } from './use-cases/remove-meeting-attachment.ts';
import { saveMeetingMinutes } from './use-cases/save-meeting-minutes.ts';
import { setMeetingPositions } from './use-cases/set-meeting-positions.ts';
import { signInByQr, signInByStaff } from './use-cases/sign-in-meeting.ts';
import { updateMeeting } from './use-cases/update-meeting.ts';
import { updateMeetingSchedule } from './use-cases/update-meeting-schedule.ts';

const ScheduleParams = z.object({ id: z.uuid() });
const MyMeetingsQuery = PageQuery.extend({ upcoming: z.enum(['true', 'false']).optional().transform((v) => v === 'true') });

/** Joint meetings (联席会议): thin routes — validate (zod) → use case (authorizes, writes, audits) → JSON. */
export function meetingsRoutes(app: App, kernel: Kernel) {
  const ctx = (req: Parameters<typeof ctxOf>[1]) => ctxOf(kernel, req);
  const tags = ['deliberation'];
  const base = '/api/deliberation/meetings';

  app.get(base, { schema: { tags, summary: 'Joint meetings in my places', querystring: MeetingsQuery } }, async (req) => listMeetings(ctx(req), req.query));
  app.get(`${base}/invitees`, { schema: { tags, summary: 'The bodies at a place and who holds their positions (the create dialog’s preview)', querystring: AttendeePreviewQuery } }, async (req) =>
    previewMeetingAttendees(ctx(req), req.query),
  );
  app.get(`${base}/waiting-items`, { schema: { tags, summary: 'Items in consultation in my places that no open meeting has on its agenda', querystring: WaitingItemsQuery } }, async (req) =>
    listMeetingWaitingItems(ctx(req), req.query),
  );
  app.get(`${base}/agenda-candidates`, { schema: { tags, summary: 'Items in consultation at a place that no open meeting has on its agenda', querystring: z.object({ placeId: z.uuid() }) } }, async (req) =>
    listMeetingAgendaCandidates(ctx(req), req.query.placeId),
  );
  app.post(base, { schema: { tags, summary: 'Convene a meeting: invited bodies, attendees from their positions, notice (inbox and SMS)', body: CreateMeetingBody } }, async (req, reply) =>
    reply.code(201).send(await createMeeting(ctx(req), req.body)),
  );
  app.get(`${base}/:id`, { schema: { tags, summary: 'A meeting: attendees, agenda with positions and outcomes, minutes', params: MeetingIdParams } }, async (req) =>
    getMeeting(ctx(req), req.params.id),
  );
  app.patch(`${base}/:id`, { schema: { tags, summary: 'Change a meeting’s title, time or location (a new time or place is notified)', params: MeetingIdParams, body: UpdateMeetingBody } }, async (req) =>
    updateMeeting(ctx(req), req.params.id, req.body),
  );
  app.post(`${base}/:id/agenda`, { schema: { tags, summary: 'Add, remove or reorder agenda items (items in consultation at the place)', params: MeetingIdParams, body: AgendaBody } }, async (req) =>
    changeMeetingAgenda(ctx(req), req.params.id, req.body),
  );
  app.post(`${base}/:id/attendees`, { schema: { tags, summary: 'Add an attendee by hand (a registry person or a guest by name)', params: MeetingIdParams, body: AddAttendeeBody } }, async (req, reply) =>
    reply.code(201).send(await addMeetingAttendee(ctx(req), req.params.id, req.body)),
  );
  app.post(`${base}/:id/sign-in`, { schema: { tags, summary: 'Sign in with the meeting room’s QR code (an invited attendee’s own account)', params: MeetingIdParams, body: SignInBody } }, async (req) =>
    signInByQr(ctx(req), req.params.id, req.body.token),
  );
  app.post(`${base}/:id/attendees/:attendeeId/sign-in`, { schema: { tags, summary: 'Sign an attendee in by hand (staff)', params: MeetingAttendeeParams } }, async (req) =>
    signInByStaff(ctx(req), req.params.id, req.params.attendeeId),
  );
  app.put(`${base}/:id/minutes`, { schema: { tags, summary: 'Write the minutes and whether they are public', params: MeetingIdParams, body: MinutesBody } }, async (req) =>
    saveMeetingMinutes(ctx(req), req.params.id, req.body),
  );
  app.put(`${base}/:id/agenda/:itemId/positions`, { schema: { tags, summary: 'Each invited body’s position on an agenda item', params: MeetingItemParams, body: PositionsBody } }, async (req) =>
    setMeetingPositions(ctx(req), req.params.id, req.params.itemId, req.body),
  );
  app.post(`${base}/:id/agenda/:itemId/outcome`, { schema: { tags, summary: 'An agenda item’s outcome: decided, referred to an owners’ vote, or to the next meeting', params: MeetingItemParams, body: OutcomeBody } }, async (req) =>
    recordMeetingOutcome(ctx(req), req.params.id, req.params.itemId, req.body),
  );
  app.post(`${base}/:id/close`, { schema: { tags, summary: 'Close a meeting (needs minutes and attendance; open items go to the next meeting)', params: MeetingIdParams } }, async (req) =>
    closeMeeting(ctx(req), req.params.id),
  );
  app.post(`${base}/:id/cancel`, { schema: { tags, summary: 'Cancel a meeting, with the reason', params: MeetingIdParams, body: CancelBody } }, async (req) =>
    cancelMeeting(ctx(req), req.params.id, req.body),
  );
  app.get(`${base}/:id/record.pdf`, { schema: { tags, summary: 'The meeting’s record as PDF (staff; includes internal minutes)', params: MeetingIdParams } }, async (req, reply) => {
    const pageUrl = `${req.protocol}://${req.host}/deliberation/meetings/${req.params.id}`;
    const { title, pdf } = await renderMeetingRecordPdf(ctx(req), req.params.id, pageUrl);
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `attachment; filename="meeting.pdf"; filename*=UTF-8''${encodeURIComponent(`${title}.pdf`)}`)
      .send(pdf);
  });
  app.get(`${base}/:id/sign-in-qr.png`, { schema: { tags, summary: 'The sign-in QR code (PNG) to show in the meeting room', params: MeetingIdParams } }, async (req, reply) =>
    reply
      .header('content-type', 'image/png')
      .header('cache-control', 'private, no-store')
      .send(await meetingSignInQr(ctx(req), req.params.id, `${req.protocol}://${req.host}`)),
  );
  app.post(
    `${base}/:id/attachments`,
    {
      schema: {
        tags,
        summary: `Attach a file to a meeting (JPG, PNG, WebP or PDF, at most ${MEETING_ATTACHMENT_MAX_BYTES / 1024 / 1024} MB; multipart field "file")`,
        params: MeetingIdParams,
        consumes: ['multipart/form-data'],
      },
    },
    async (req, reply) => {
      const readUpload = async (): Promise<Upload> => {
        const { files } = await readMultipart(
          req,
          { maxFiles: 1, maxFileBytes: MEETING_ATTACHMENT_MAX_BYTES },
          { notMultipart: () => AttachmentErrors.FILE_REQUIRED(), fileTooLarge: () => AttachmentErrors.ATTACHMENT_TOO_LARGE({ mb: MEETING_ATTACHMENT_MAX_BYTES / 1024 / 1024 }) },
        );
        const file = files[0];
        if (!file) throw AttachmentErrors.FILE_REQUIRED();
        return { filename: file.filename, mimetype: file.mimetype, content: file.content };
      };
      return reply.code(201).send(await addMeetingAttachment(ctx(req), req.params.id, readUpload));
    },
  );
  app.get(`${base}/:id/attachments/:attachmentId`, { schema: { tags, summary: 'A meeting’s file', params: MeetingAttachmentParams } }, async (req, reply) => {
    const a = await getMeetingAttachment(ctx(req), req.params.id, req.params.attachmentId);
    return reply.headers(storedFileHeaders(a.name, a.mime)).header('cache-control', 'private, max-age=3600').send(a.content);
  });
  app.delete(`${base}/:id/attachments/:attachmentId`, { schema: { tags, summary: 'Remove a meeting’s file while the meeting is open', params: MeetingAttachmentParams } }, async (req) =>
    removeMeetingAttachment(ctx(req), req.params.id, req.params.attachmentId),
  );

  const schedules = '/api/deliberation/meeting-schedules';
  app.get(schedules, { schema: { tags, summary: 'Recurring meetings (例会) in my places', querystring: SchedulesQuery } }, async (req) => listMeetingSchedules(ctx(req), req.query));
  app.post(schedules, { schema: { tags, summary: 'Schedule a recurring meeting (monthly on day N or weekly on weekday W)', body: CreateScheduleBody } }, async (req, reply) =>
    reply.code(201).send(await createMeetingSchedule(ctx(req), req.body)),
  );
  app.patch(`${schedules}/:id`, { schema: { tags, summary: 'Change or pause a recurring meeting', params: ScheduleParams, body: UpdateScheduleBody } }, async (req) =>
    updateMeetingSchedule(ctx(req), req.params.id, req.body),
  );
  app.delete(`${schedules}/:id`, { schema: { tags, summary: 'Delete a recurring meeting (its meetings stay)', params: ScheduleParams } }, async (req) =>
    deleteMeetingSchedule(ctx(req), req.params.id),
  );

  const resident = ['resident'];
  app.get('/api/me/meetings', { schema: { tags: resident, summary: 'Meetings I am invited to: notice, time, place, my sign-in', querystring: MyMeetingsQuery } }, async (req) =>
    listMyMeetings(ctx(req), req.query),
  );
  app.get('/api/me/meetings/:id', { schema: { tags: resident, summary: 'One of my meetings: its notice and agenda titles', params: MeetingIdParams } }, async (req) =>
    getMyMeeting(ctx(req), req.params.id),
  );
}
