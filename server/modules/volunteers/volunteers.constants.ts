/** The volunteers module's vocabulary, free of dependencies: the web reads it through contract.ts. */

const COMMUNITY = ['community_secretary', 'committee_staff'] as const;

/**
 * Who may do what: the roles whose grant on a place allows it over the place's subtree. Residents hold no grant: a
 * resident registers as a volunteer, signs up, grabs tasks, posts on the neighbour boards, borrows and adopts on the
 * H5, each use case checking that the resident lives in the compound (or is an approved volunteer) itself.
 */
export const VOLUNTEERS_ROLES = {
  // registry part: volunteers, review, teams, rewards.
  /** Read the volunteer registry, teams, the registered share, points and redemptions. */
  volunteersRead: ['platform_admin', 'street_official', ...COMMUNITY, 'grid_worker', 'building_leader'],
  /** Approve or reject a registration, suspend a volunteer, form teams; list rewards and hand them out. */
  volunteersManage: [...COMMUNITY],
  // activities part.
  /** Read activities, sign-ups and attendance. */
  activitiesRead: ['platform_admin', 'street_official', ...COMMUNITY, 'grid_worker', 'building_leader'],
  /** Organise an activity: publish, show its sign-in code, confirm the hours. */
  activitiesManage: ['street_official', ...COMMUNITY],
  // tasks part: 任务抢单.
  /** Read the task board. */
  tasksRead: ['platform_admin', 'street_official', ...COMMUNITY, 'grid_worker'],
  /** Post a task, confirm it done (credits the points), cancel it: officials and the residents' committee. */
  tasksManage: ['street_official', ...COMMUNITY, 'grid_worker'],
  // boards and lending parts: neighbour services and their moderation.
  /** Read every listing of the compounds, hidden ones too, with their reports. */
  boardsRead: ['platform_admin', 'street_official', ...COMMUNITY, 'grid_worker'],
  /** Hide a listing with a reason or dismiss a report; keep the banned-word list. */
  boardsModerate: [...COMMUNITY],
  // green part: 认栽认养.
  /** Read the green plots, adoptions and care records. */
  greenRead: ['platform_admin', 'street_official', ...COMMUNITY, 'grid_worker', 'property_manager', 'property_staff'],
  /** Add and edit plots, approve and end adoptions: the community and the property company that keeps the green. */
  greenManage: [...COMMUNITY, 'property_manager'],
} as const;

export const VOLUNTEER_STATUSES = ['pending', 'approved', 'rejected', 'suspended'] as const;
export const LISTING_KINDS = ['carpool', 'secondhand', 'tool', 'book'] as const;
export const LISTING_STATUSES = ['open', 'reserved', 'given', 'lent', 'full', 'closed'] as const;
/** The skills a volunteer can tick (free text is allowed beside them). */
export const SKILLS = ['助老服务', '医疗护理', '心理疏导', '法律咨询', '维修电工', '文艺宣传', '教育辅导', '应急救援', '环境保护', '信息技术'] as const;
export const NAME_MAX = 60;
export const NOTE_MAX = 500;
export const MAX_PHOTOS = 6;
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
