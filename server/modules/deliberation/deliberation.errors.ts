import { defineErrors } from '../../kernel/errors.ts';

/** The deliberation module's refusals: stable codes, zh-CN and en. */
export const DeliberationErrors = defineErrors({
  PLACE_NOT_FOUND: [404, '地点不存在或不在您的管辖范围内', 'Place not found or outside your scope'],
  PLACE_ABOVE_STREET: [400, '议题须建在街道或其下级地点', 'An item belongs to a street or a place below it'],
  ITEM_NOT_FOUND: [404, '议题不存在或不在您的管辖范围内', 'Item not found or outside your scope'],
  WRONG_STAGE: [409, '议题当前处于“{stage}”阶段，不能进行此操作', 'The item is at stage "{stage}": this step is not possible now'],
  NOT_A_MATTER_FOR_OWNERS: [400, '只有《民法典》第二百七十八条所列事项可提交业主表决', "Only the matters of Civil Code art. 278 go to an owners' vote"],
  VOTE_NEEDS_COMPOUND: [400, '业主表决须在小区（或其楼栋、单元）发起，该议题所在地点不在小区内', "An owners' vote is held at a compound (or a building or unit in it): this item's place is not in one"],
});
