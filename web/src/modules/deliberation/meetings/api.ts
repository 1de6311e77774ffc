import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AddAttendeeBody,
  AgendaBody,
  CreateMeetingBody,
  CreateScheduleBody,
  getMeeting,
  getMyMeeting,
  listMeetingAgendaCandidates,
  listMeetings,
  listMeetingSchedules,
  listMeetingWaitingItems,
  listMyMeetings,
  MinutesBody,
  OutcomeBody,
  PositionsBody,
  previewMeetingAttendees,
  UpdateMeetingBody,
  UpdateScheduleBody,
} from '#server/modules/deliberation/contract.ts';
import { MEETING_ROLES } from '#server/modules/deliberation/contract.ts';
import { apiDelete, apiGet, apiPatch, apiPost, apiPut, apiUpload, type Jsonify, type Query } from '../../../shared/api.ts';
import type { Me } from '../../../shared/session.ts';

/** The joint meetings' API as the workbench and the H5 use it; answers typed from the server's use cases. */
type Answer<F extends (...args: never[]) => unknown> = Jsonify<Awaited<ReturnType<F>>>;

export type MeetingRow = Answer<typeof listMeetings>['items'][number];
export type Meeting = Answer<typeof getMeeting>;
export type ScheduleRow = Answer<typeof listMeetingSchedules>['items'][number];
export type Preview = Answer<typeof previewMeetingAttendees>;
export type AgendaCandidate = Answer<typeof listMeetingAgendaCandidates>[number];
export type WaitingItemRow = Answer<typeof listMeetingWaitingItems>['items'][number];
export type MyMeetingRow = Answer<typeof listMyMeetings>['items'][number];
export type MyMeeting = Answer<typeof getMyMeeting>;
export type { CreateMeetingBody, CreateScheduleBody, OutcomeBody };

/** Whether the account holds a role with this meetings permission anywhere (a UI hint; the server decides). */
export const mayMeetings = (me: Me | null | undefined, permission: keyof typeof MEETING_ROLES): boolean =>
  !!me?.grants.some((g) => (MEETING_ROLES[permission] as readonly string[]).includes(g.role));

const BASE = '/api/deliberation/meetings';
export const meetingKeys = {
  all: ['meetings'] as const,
  list: (q: Query) => ['meetings', 'list', q] as const,
  one: (id: string) => ['meetings', 'one', id] as const,
  schedules: (q: Query) => ['meetings', 'schedules', q] as const,
  preview: (placeId: string, bodies: string) => ['meetings', 'preview', placeId, bodies] as const,
  candidates: (placeId: string) => ['meetings', 'candidates', placeId] as const,
  mine: (q: Query) => ['meetings', 'mine', q] as const,
  myOne: (id: string) => ['meetings', 'mine', 'one', id] as const,
};

export const useMeetings = (q: Query) => useQuery({ queryKey: meetingKeys.list(q), queryFn: () => apiGet<Answer<typeof listMeetings>>(BASE, q), placeholderData: keepPreviousData });
export const useMeeting = (id: string) => useQuery({ queryKey: meetingKeys.one(id), queryFn: () => apiGet<Meeting>(`${BASE}/${id}`) });
export const useSchedules = (q: Query) =>
  useQuery({ queryKey: meetingKeys.schedules(q), queryFn: () => apiGet<Answer<typeof listMeetingSchedules>>('/api/deliberation/meeting-schedules', q), placeholderData: keepPreviousData });
export const usePreview = (placeId: string | undefined, bodies: string[]) =>
  useQuery({
    queryKey: meetingKeys.preview(placeId ?? '', bodies.join(',')),
    queryFn: () => apiGet<Preview>(`${BASE}/invitees`, { placeId, bodies: bodies.join(',') || undefined }),
    enabled: !!placeId,
    placeholderData: keepPreviousData,
  });
export const useAgendaCandidates = (placeId: string | undefined) =>
  useQuery({ queryKey: meetingKeys.candidates(placeId ?? ''), queryFn: () => apiGet<AgendaCandidate[]>(`${BASE}/agenda-candidates`, { placeId }), enabled: !!placeId });
export const useWaitingItems = (q: Query) =>
  useQuery({ queryKey: ['meetings', 'waiting', q], queryFn: () => apiGet<Answer<typeof listMeetingWaitingItems>>(`${BASE}/waiting-items`, q), placeholderData: keepPreviousData });
export const useMyMeetings = (q: Query) => useQuery({ queryKey: meetingKeys.mine(q), queryFn: () => apiGet<Answer<typeof listMyMeetings>>('/api/me/meetings', q) });
export const useMyMeeting = (id: string) => useQuery({ queryKey: meetingKeys.myOne(id), queryFn: () => apiGet<MyMeeting>(`/api/me/meetings/${id}`) });

/** Every meetings write may change the lists and the meeting: refresh the module's reads. */
function useMeetingsMutation<I, O>(fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: meetingKeys.all }) });
}

export const useCreateMeeting = () => useMeetingsMutation((body: CreateMeetingBody) => apiPost<{ id: string }>(BASE, body));
export const useUpdateMeeting = (id: string) => useMeetingsMutation((body: UpdateMeetingBody) => apiPatch<{ ok: true }>(`${BASE}/${id}`, body));
export const useChangeAgenda = (id: string) => useMeetingsMutation((body: AgendaBody) => apiPost<{ ok: true }>(`${BASE}/${id}/agenda`, body));
export const useAddAttendee = (id: string) => useMeetingsMutation((body: AddAttendeeBody) => apiPost<{ id: string }>(`${BASE}/${id}/attendees`, body));
export const useStaffSignIn = (id: string) => useMeetingsMutation((attendeeId: string) => apiPost<{ already: boolean }>(`${BASE}/${id}/attendees/${attendeeId}/sign-in`));
export const useSaveMinutes = (id: string) => useMeetingsMutation((body: MinutesBody) => apiPut<{ ok: true }>(`${BASE}/${id}/minutes`, body));
export const useSetPositions = (id: string) =>
  useMeetingsMutation(({ itemId, body }: { itemId: string; body: PositionsBody }) => apiPut<{ ok: true }>(`${BASE}/${id}/agenda/${itemId}/positions`, body));
export const useRecordOutcome = (id: string) =>
  useMeetingsMutation(({ itemId, body }: { itemId: string; body: OutcomeBody }) => apiPost<{ stage: string; decisionId: string | null }>(`${BASE}/${id}/agenda/${itemId}/outcome`, body));
export const useCloseMeeting = (id: string) => useMeetingsMutation(() => apiPost<{ carried: string[] }>(`${BASE}/${id}/close`));
export const useCancelMeeting = (id: string) => useMeetingsMutation((reason: string) => apiPost<{ ok: true }>(`${BASE}/${id}/cancel`, { reason }));
export const useUploadAttachment = (id: string) =>
  useMeetingsMutation((file: File) => {
    const form = new FormData();
    form.append('file', file);
    return apiUpload<{ id: string }>(`${BASE}/${id}/attachments`, form);
  });
export const useRemoveAttachment = (id: string) => useMeetingsMutation((attachmentId: string) => apiDelete<{ removed: string }>(`${BASE}/${id}/attachments/${attachmentId}`, {}));
export const useCreateSchedule = () => useMeetingsMutation((body: CreateScheduleBody) => apiPost<{ id: string }>('/api/deliberation/meeting-schedules', body));
export const useUpdateSchedule = () =>
  useMeetingsMutation(({ id, body }: { id: string; body: UpdateScheduleBody }) => apiPatch<{ ok: true }>(`/api/deliberation/meeting-schedules/${id}`, body));
export const useDeleteSchedule = () => useMeetingsMutation((id: string) => apiDelete<{ removed: string }>(`/api/deliberation/meeting-schedules/${id}`, {}));
export const useSignInByQr = (id: string) =>
  useMeetingsMutation((token: string) => apiPost<{ meetingId: string; title: string; signedInAt: string; already: boolean }>(`${BASE}/${id}/sign-in`, { token }));

export const meetingUrls = {
  pdf: (id: string) => `${BASE}/${id}/record.pdf`,
  qr: (id: string) => `${BASE}/${id}/sign-in-qr.png`,
  attachment: (id: string, attachmentId: string) => `${BASE}/${id}/attachments/${attachmentId}`,
};
