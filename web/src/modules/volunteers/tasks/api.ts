import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MyTasks, TaskListRow, TaskPlace, TaskView } from '#server/modules/volunteers/contract.ts';
import { apiGet, apiPost, apiUpload, type Jsonify, type Page, type Query } from '../../../shared/api.ts';
import { HOME_KEY } from '../../../resident/home.ts';

/** The tasks part's API (任务抢单); the answers' shapes come from the server's use cases (type-only). */
export type TaskRow = Jsonify<TaskListRow>;
export type Task = Jsonify<TaskView>;
export type Mine = Jsonify<MyTasks>;
export type MyTask = Mine['open'][number];
export type Place = TaskPlace;
export interface TaskBody {
  placeId: string;
  title: string;
  description: string;
  target: string;
  points: number;
  minutes: number;
  deadline: string;
}

const K = ['volTasks'] as const;
const T = '/api/volunteers/tasks';
const ME = '/api/me/volunteers/tasks';

export const useTasks = (q: Query) => useQuery({ queryKey: [...K, 'list', q], queryFn: () => apiGet<Page<TaskRow>>(T, q), placeholderData: keepPreviousData });
export const useTask = (id: string) => useQuery({ queryKey: [...K, 'one', id], queryFn: () => apiGet<Task>(`${T}/${id}`) });
export const useTaskPlaces = (enabled: boolean) => useQuery({ queryKey: [...K, 'places'], queryFn: () => apiGet<Place[]>(`${T}/places`), enabled });
export const useMyTasks = () => useQuery({ queryKey: [...K, 'mine'], queryFn: () => apiGet<Mine>(ME) });

function useWrite<B, R>(fn: (body: B) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: K }), client.invalidateQueries({ queryKey: HOME_KEY })]),
  });
}
export const usePostTask = () => useWrite((b: TaskBody) => apiPost<{ id: string; notified: number }>(T, b));
export const useConfirmTask = (id: string) => useWrite(() => apiPost<{ id: string; balance: number }>(`${T}/${id}/confirm`));
export const useReturnTask = (id: string) => useWrite((reason: string) => apiPost<{ id: string }>(`${T}/${id}/return`, { reason }));
export const useCancelTask = (id: string) => useWrite((reason: string) => apiPost<{ id: string }>(`${T}/${id}/cancel`, { reason }));
export const useGrab = () => useWrite((id: string) => apiPost<{ id: string; status: 'grabbed' }>(`${ME}/${id}/grab`));
export const useGiveBack = () => useWrite((id: string) => apiPost<{ id: string }>(`${ME}/${id}/give-back`));
export const useFinish = () =>
  useWrite(({ id, note, photos }: { id: string; note: string; photos: Blob[] }) => {
    const form = new FormData();
    form.append('note', note);
    photos.forEach((p, i) => form.append('photos', p, (p as File).name || `photo-${i + 1}.jpg`));
    return apiUpload<{ id: string; status: 'done' }>(`${ME}/${id}/done`, form);
  });

export { downloadFrom as download } from '../../../shared/download.ts';
