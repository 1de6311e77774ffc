import { defineErrors } from '../../kernel/errors.ts';

/** The deliberation module's refusals: stable codes, zh-CN and en. */
export const DeliberationErrors = defineErrors({
  PLACE_NOT_FOUND: [404, '地点不存在或不在您的管辖范围内', 'Place not found or outside your scope'],
  PLACE_ABOVE_STREET: [400, '议题须建在街道或其下级地点', 'An item belongs to a street or a place below it'],
  ITEM_NOT_FOUND: [404, '议题不存在或不在您的管辖范围内', 'Item not found or outside your scope'],
  WRONG_STAGE: [409, '议题当前处于“{stage}”阶段，不能进行此操作', 'The item is at stage "{stage}": this step is not possible now'],
  NOT_A_MATTER_FOR_OWNERS: [400, '只有《民法典》第二百七十八条所列事项可提交业主表决', "Only the matters of Civil Code art. 278 go to an owners' vote"],
  VOTE_NEEDS_COMPOUND: [400, '业主表决须在小区（或其楼栋、单元）发起，该议题所在地点不在小区内', "An owners' vote is held at a compound (or a building or unit in it): this item's place is not in one"],
  // Items, stages 1–3 (items.routes.ts)
  PLACE_KIND: [400, '议题须建在小区、社区或街道', 'An item belongs to a compound, a community or a street'],
  MEETING_REF_REQUIRED: [400, '来源为会议的议题须注明会议', 'An item from a meeting names the meeting'],
  NOT_A_RESIDENT_HERE: [404, '您在该地点没有住户，不能参与其议题', 'You have no household at this place'],
  ALREADY_SUPPORTED: [409, '您家已支持过该议题（每户一次）', 'Your household supports this item already (once per household)'],
  OPINION_NOT_PROMOTED: [409, '该意见尚未被转为议事，不能立为议题', 'This opinion was not marked for deliberation'],
  OPINION_TAKEN_UP: [409, '该意见已立为议题', 'This opinion was taken up as an item already'],
  OPINION_NOT_FOUND: [404, '意见不存在或不在您的管辖范围内', 'Opinion not found or outside your scope'],
  MERGE_NEEDS_ITEMS: [400, '请选择要并入的其他议题', 'Choose the other items to merge into this one'],
  MERGE_OUTSIDE_TARGET: [409, '并入的议题须在目标议题的地点之内', "Merged items must lie under the target item's place"],
});
