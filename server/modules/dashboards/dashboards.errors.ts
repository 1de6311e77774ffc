import { defineErrors } from '../../kernel/errors.ts';

export const DashboardsErrors = defineErrors({
  PLACE_NOT_FOUND: [404, '地点不存在或不在您的管辖范围内', 'Place not found or outside your scope'],
  FIGURE_NOT_FOUND: [404, '未找到该指标', 'No such figure'],
  FIGURE_NOT_KEPT_HERE: [400, '该指标不按此类地点统计', 'This figure is not kept for places of this kind'],
  NO_ROWS: [400, '该指标没有逐条明细', 'This figure has no rows to show'],
  ROWS_NEED_STREET: [400, '请先下钻到街道或其下级地点再查看明细', 'Drill down to a street or a place below it to see the rows'],
  PERIOD_FUTURE: [400, '该月份尚未开始', 'That month has not begun'],
  REPORT_NOT_FOUND: [404, '未找到该调度通报', 'No such dispatch report'],
});
