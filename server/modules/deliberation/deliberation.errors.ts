import { defineErrors } from '../../kernel/errors.ts';

export const DeliberationErrors = defineErrors({
  PLACE_NOT_FOUND: [404, '地点不存在或不在您的管辖范围内', 'Place not found or outside your scope'],
  PLACE_ABOVE_STREET: [400, '记录须建在街道或其下级地点', 'A record belongs to a street or a place below it'],
});
