import { defineErrors } from '../../kernel/errors.ts';

export const DashboardsErrors = defineErrors({
  PLACE_NOT_FOUND: [404, '地点不存在或不在您的管辖范围内', 'Place not found or outside your scope'],
  FIGURE_NOT_FOUND: [404, '未找到该指标', 'No such figure'],
  FIGURE_NOT_KEPT_HERE: [400, '该指标不按此类地点统计', 'This figure is not kept for places of this kind'],
  NO_ROWS: [400, '该指标没有逐条明细', 'This figure has no rows to show'],
  ROWS_NEED_STREET: [400, '请先下钻到街道或其下级地点再查看明细', 'Drill down to a street or a place below it to see the rows'],
  PERIOD_FUTURE: [400, '该月份尚未开始', 'That month has not begun'],
  REPORT_NOT_FOUND: [404, '未找到该调度通报', 'No such dispatch report'],
  REPORT_NO_SNAPSHOT: [
    409,
    '该月快照尚未生成：已结束月份的调度通报只读取月末快照，请待月末任务生成或由街道生成该月快照后再试',
    "That month's snapshot has not been taken: a closed month's report reads its snapshots only; wait for the month-end job or have the street take the month's snapshot first",
  ],
  REPORT_PLACE_KIND: [400, '调度通报按市、区、街道、社区、网格、小区生成', 'Dispatch reports are built for a city, district, street, community, grid or compound'],
});
