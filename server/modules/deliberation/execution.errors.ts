import { defineErrors } from '../../kernel/errors.ts';

/** Refusals of stages 4–6 (tasks, progress, supervision, the residents' rating): stable codes, zh-CN and en. */
export const ExecutionErrors = defineErrors({
  TASK_NOT_FOUND: [404, '任务不存在或不在您的管辖范围内', 'Task not found or outside your scope'],
  TASK_DONE: [409, '任务已完成，不能再修改', 'The task is done: it can no longer be changed'],
  TASK_NOT_DONE: [409, '任务尚未完成，无需重新打开', 'The task is not done: there is nothing to reopen'],
  PROGRESS_BACKWARDS: [400, '进度不能低于上次报告的 {last}%', 'Progress cannot fall below the last reported {last}%'],
  NO_TASKS: [409, '议题还没有任务，不能进入居民评价', 'The item has no tasks: it cannot go to the residents for rating'],
  ORGANISATION_NOT_FOUND: [400, '责任单位不存在或不在该议题所在地点', "The responsible organisation does not exist or is outside the item's place"],
  ORGANISATION_REQUIRED: [400, '请选择或填写责任单位', 'Choose or enter the responsible organisation'],
  ALREADY_RATED: [409, '您家已经评价过本轮结果', 'Your household has already rated this round'],
  RATING_CLOSED: [409, '现在不在评价期内', 'Rating is not open now'],
  PHOTO_NOT_FOUND: [404, '照片不存在或您无权查看', 'Photo not found or not yours to see'],
  TOO_MANY_PHOTOS: [400, '每次最多上传 {max} 张照片', 'Upload at most {max} photos at a time'],
  PHOTO_TOO_LARGE: [400, '照片“{name}”超过 {limit} MB', 'Photo "{name}" is over {limit} MB'],
  PHOTO_TYPE_NOT_ALLOWED: [400, '“{name}”不是 JPEG、PNG 或 WebP 图片', '"{name}" is not a JPEG, PNG or WebP image'],
});
