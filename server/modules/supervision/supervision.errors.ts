import { defineErrors } from '../../kernel/errors.ts';

/** Errors every part of the supervision module raises; each part keeps its own in supervision.<part>.errors.ts. */
export const SupervisionErrors = defineErrors({
  PLACE_NOT_FOUND: [404, '地点不存在或不在您的管辖范围内', 'Place not found or outside your scope'],
  NOT_A_COMPOUND: [400, '请选择一个小区', 'Choose a compound'],
  PERIOD_INVALID: [400, '考评周期须为季度，如 2026-Q4', 'The period must be a quarter, e.g. 2026-Q4'],
});
