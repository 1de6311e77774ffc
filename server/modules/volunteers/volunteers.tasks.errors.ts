import { defineErrors } from '../../kernel/errors.ts';

/** The tasks part's errors (任务抢单). */
export const TasksErrors = defineErrors({
  TASK_NOT_FOUND: [404, '任务不存在或不在您的范围内', 'Task not found or outside your scope'],
  TASK_ALREADY_TAKEN: [409, '手慢了，这个任务已被其他志愿者抢走', 'Too late: another volunteer has already taken this task'],
  TASK_EXPIRED: [409, '该任务已过截止时间，不能再抢', 'The deadline of this task has passed; it can no longer be taken'],
  TASK_CANCELLED: [409, '该任务已取消', 'The task has been cancelled'],
  TASK_NOT_YOURS: [403, '这不是您抢到的任务', 'This is not a task you took'],
  TASK_STATE: [409, '任务当前的状态不能进行此操作，请刷新后查看', 'This cannot be done in the task\'s present status; refresh to see it'],
  TASK_PLACE_KIND: [400, '任务只能发布到小区或社区', 'A task is posted to a compound or a community'],
  TASK_DEADLINE_PAST: [400, '截止时间须晚于现在', 'The deadline must be in the future'],
});
