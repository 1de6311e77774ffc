import { defineErrors } from '../../kernel/errors.ts';

/** The stations part's errors (红色驿站). */
export const StationsErrors = defineErrors({
  STATION_NOT_FOUND: [404, '红色驿站不存在或不在您的管辖范围内', 'Station not found or outside your scope'],
  NOT_A_COMPOUND: [400, '红色驿站只能设在小区', 'A station is set up in a compound'],
  HOURS_INVALID: [400, '开放时间有误：每段须选择星期，且开始早于结束', 'Opening hours are invalid: each span needs days, and opens before it closes'],
  SHIFT_NOT_FOUND: [404, '值班安排不存在', 'Shift not found'],
  SHIFT_TIME_INVALID: [400, '值班开始时间须早于结束时间', 'A shift must start before it ends'],
  PERSON_NOT_FOUND: [404, '人员不存在', 'Person not found'],
});
