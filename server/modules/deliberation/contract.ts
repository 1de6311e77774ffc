/**
 * What the web may know of the deliberation module (scripts/check-boundaries.ts holds it): its vocabulary (runtime
 * values, free of server dependencies), and the types of its requests and answers (type-only).
 */
export * from './deliberation.constants.ts';
export type { CreateItemBody, ProposalBody, SettingsBody } from './items.schemas.ts';
export type { listItems } from './use-cases/list-items.ts';
export type { getItem } from './use-cases/get-item.ts';
export type { getSettings } from './use-cases/get-settings.ts';
export type { listPromotedForMe } from './use-cases/take-up-opinion.ts';
export type { listMyItems, myItemByOpinion } from './use-cases/my-items.ts';
export type { getMyItem } from './use-cases/get-my-item.ts';
// Stages 4–6 (execution.routes.ts): the answers' types, type-only.
export type { TaskBody, TaskPatch, NoteBody, RatingBody } from './execution.schemas.ts';
export type { itemExecution } from './use-cases/item-execution.ts';
export type { listEscalations } from './use-cases/list-escalations.ts';
export type { listTasks } from './use-cases/list-tasks.ts';
export type { myItemExecution } from './use-cases/my-item-execution.ts';
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
export type { AttachSurveyBody } from './item-surveys.routes.ts';
export type { itemSurveys, myItemSurveys } from './use-cases/item-surveys.ts';
