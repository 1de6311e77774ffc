/**
 * What the web may know of the deliberation module (scripts/check-boundaries.ts holds it): its vocabulary (runtime
 * values, free of server dependencies), and the types of its requests and answers (type-only).
 */
export * from './deliberation.constants.ts';
// Joint meetings (联席会议).
export * from './meetings.constants.ts';
export type { AddAttendeeBody, AgendaBody, CreateMeetingBody, CreateScheduleBody, MinutesBody, OutcomeBody, PositionsBody, UpdateMeetingBody, UpdateScheduleBody } from './meetings.schemas.ts';
export type { listMeetings } from './use-cases/list-meetings.ts';
export type { getMeeting, MeetingDetail } from './use-cases/get-meeting.ts';
export type { listMeetingSchedules } from './use-cases/list-meeting-schedules.ts';
export type { listMeetingAgendaCandidates } from './use-cases/list-meeting-agenda-candidates.ts';
export type { listMeetingWaitingItems } from './use-cases/list-meeting-waiting-items.ts';
export type { previewMeetingAttendees } from './use-cases/preview-meeting-attendees.ts';
export type { listMyMeetings, getMyMeeting } from './use-cases/my-meetings.ts';
export type { MeetingAttachment, AttendeePosition } from './meetings.tables.ts';
