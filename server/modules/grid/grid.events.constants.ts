/** The events part's vocabulary (网格事件, 执法进小区), free of dependencies: the web reads it through contract.ts. */

/** The departments' lines that name a liaison per compound. */
export const LIAISON_LINES = ['police', 'urban_management', 'housing', 'market', 'fire'] as const;
/** Who handles an event: the compound's property company, the residents' committee, or a department line's liaison. */
export const EVENT_BODIES = ['property', 'committee', ...LIAISON_LINES] as const;
export const EVENT_STATUSES = ['reported', 'dispatched', 'handling', 'resolved', 'closed', 'dismissed'] as const;
export const EVENT_URGENCIES = ['normal', 'urgent'] as const;
export const EVENT_LEVELS = ['community', 'street'] as const;

/** The categories of an event, each with the body it goes to by default. */
export const EVENT_CATEGORIES = {
  property_service: 'property', // 物业服务
  neighbour_dispute: 'committee', // 邻里纠纷
  community_affairs: 'committee', // 社区事务
  public_security: 'police', // 治安隐患
  illegal_building: 'urban_management', // 违章搭建
  street_vending: 'urban_management', // 占道经营
  sanitation: 'urban_management', // 环境卫生
  housing_safety: 'housing', // 房屋安全
  food_safety: 'market', // 商铺食品安全
  fire_hazard: 'fire', // 消防隐患
  other: 'committee', // 其他
} as const satisfies Record<string, (typeof EVENT_BODIES)[number]>;
export type EventCategory = keyof typeof EVENT_CATEGORIES;
export const EVENT_CATEGORY_KEYS = Object.keys(EVENT_CATEGORIES) as [EventCategory, ...EventCategory[]];

/** Time limits from dispatch: urgent events within 24 hours, normal ones within 72. */
export const EVENT_DUE_HOURS = { urgent: 24, normal: 72 } as const;

/** What a viewer may do with an event now (the detail's `actions`). */
export const EVENT_ACTIONS = ['dispatch', 'reassign', 'dismiss', 'escalate', 'close', 'reopen', 'accept', 'reject', 'resolve', 'rate'] as const;
export type EventAction = (typeof EVENT_ACTIONS)[number];

export const EVENT_LOCATION_MAX = 100;
export const EVENT_DESCRIPTION_MAX = 1000;
export const EVENT_REASON_MAX = 300;
export const PATROL_FINDINGS_MAX = 1000;
export const RATING_COMMENT_MAX = 300;
