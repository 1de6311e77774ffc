import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { itemExecution, listEscalations, listTasks, myItemExecution, NoteBody, RatingBody, TaskBody, TaskPatch } from '#server/modules/deliberation/contract.ts';
import { apiDelete, apiGet, apiPatch, apiPost, apiUpload, type Jsonify, type Query } from '../../../shared/api.ts';

/** Stages 4–6 of the deliberation API as the web uses it; answer types come from the server's use cases (type-only). */
type Answer<F extends (...args: never[]) => unknown> = Jsonify<Awaited<ReturnType<F>>>;

export type ItemExecution = Answer<typeof itemExecution>;
export type ExecutionTask = ItemExecution['tasks'][number];
export type MyItemExecution = Answer<typeof myItemExecution>;
export type TaskRow = Answer<typeof listTasks>['items'][number];
export type EscalationRow = Answer<typeof listEscalations>['items'][number];
export type { NoteBody, RatingBody, TaskBody, TaskPatch };

/** Photos per progress report (the server's limit). */
export const MAX_TASK_PHOTOS = 6;

export const executionKeys = {
  all: ['deliberation', 'execution'] as const,
  item: (id: string) => ['deliberation', 'execution', 'item', id] as const,
  mine: (id: string) => ['deliberation', 'execution', 'mine', id] as const,
  tasks: (q: Query) => ['deliberation', 'execution', 'tasks', q] as const,
  escalations: (q: Query) => ['deliberation', 'execution', 'escalations', q] as const,
};

export const useItemExecution = (id: string) => useQuery({ queryKey: executionKeys.item(id), queryFn: () => apiGet<ItemExecution>(`/api/deliberation/items/${id}/execution`) });
export const useMyItemExecution = (id: string) => useQuery({ queryKey: executionKeys.mine(id), queryFn: () => apiGet<MyItemExecution>(`/api/me/deliberation/items/${id}/execution`) });
export const fetchTasks = (q: Query) => apiGet<Answer<typeof listTasks>>('/api/deliberation/tasks', q);
export const useTasks = (q: Query) => useQuery({ queryKey: executionKeys.tasks(q), queryFn: () => fetchTasks(q), placeholderData: keepPreviousData });
export const useEscalations = (q: Query) =>
  useQuery({ queryKey: executionKeys.escalations(q), queryFn: () => apiGet<Answer<typeof listEscalations>>('/api/deliberation/escalations', q), placeholderData: keepPreviousData });

/** Every write refreshes the execution views and the items' own (stage, progress). */
function useWrite<A>(run: (a: A) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: run, onSuccess: () => qc.invalidateQueries({ queryKey: ['deliberation'] }) });
}
export const usePlanTask = (itemId: string) => useWrite((body: TaskBody) => apiPost(`/api/deliberation/items/${itemId}/tasks`, body));
export const useUpdateTask = () => useWrite(({ id, patch }: { id: string; patch: TaskPatch }) => apiPatch(`/api/deliberation/tasks/${id}`, patch));
export const useRemoveTask = () => useWrite((id: string) => apiDelete(`/api/deliberation/tasks/${id}`, undefined));
export const useReopenTask = () => useWrite(({ id, percent, note }: { id: string; percent: number; note: string }) => apiPost(`/api/deliberation/tasks/${id}/reopen`, { percent, note }));
export const useReportProgress = () =>
  useWrite(({ id, percent, note, photos }: { id: string; percent: number; note: string; photos: File[] }) => {
    const form = new FormData();
    form.append('percent', String(percent));
    form.append('note', note);
    for (const p of photos) form.append('photos', p, p.name);
    return apiUpload(`/api/deliberation/tasks/${id}/progress`, form);
  });
export const useAddNote = (itemId: string) => useWrite((body: NoteBody) => apiPost(`/api/deliberation/items/${itemId}/notes`, body));
export const useRate = (itemId: string) => useWrite((body: RatingBody) => apiPost(`/api/me/deliberation/items/${itemId}/rating`, body));

/** Integer fen as yuan with two decimals, no floats. */
export const yuan = (fen: number) => `${Math.floor(fen / 100).toLocaleString('zh-CN')}.${String(fen % 100).padStart(2, '0')}`;
/** A mean kept ×100 (299) as 2.99. */
export const meanText = (centi: number) => `${Math.floor(centi / 100)}.${String(centi % 100).padStart(2, '0')}`;
