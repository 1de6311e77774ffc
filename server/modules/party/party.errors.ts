import { defineErrors } from '../../kernel/errors.ts';

/** Errors every part of the party module answers; a part's own are in party.<part>.errors.ts. */
export const PartyErrors = defineErrors({
  PLACE_NOT_FOUND: [404, '地点不存在或不在您的管辖范围内', 'Place not found or outside your scope'],
  MEMBER_NOT_FOUND: [404, '党员不存在或不在您的管辖范围内', 'Party member not found or outside your scope'],
  NOT_A_MEMBER: [403, '您还不是登记在册的党员', 'You are not a registered party member'],
});
