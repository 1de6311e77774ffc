/**
 * What the web may know of the deliberation module (scripts/check-boundaries.ts holds it): its vocabulary (runtime
 * values, free of server dependencies), and the types of its requests and answers (type-only).
 */
export * from './deliberation.constants.ts';
// Stages 4–6 (execution.routes.ts): the answers' types, type-only.
export type { TaskBody, TaskPatch, NoteBody, RatingBody } from './execution.schemas.ts';
export type { itemExecution } from './use-cases/item-execution.ts';
export type { listEscalations } from './use-cases/list-escalations.ts';
export type { listTasks } from './use-cases/list-tasks.ts';
export type { myItemExecution } from './use-cases/my-item-execution.ts';
