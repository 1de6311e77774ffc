/** The emergency part's vocabulary (emergency mode, 入户排查), free of dependencies: the web reads it through contract.ts. */

/** 一般 / 较大 / 重大. */
export const EMERGENCY_LEVELS = ['general', 'larger', 'major'] as const;
export type EmergencyLevel = (typeof EMERGENCY_LEVELS)[number];
export const EMERGENCY_LEVEL_ZH: Record<EmergencyLevel, string> = { general: '一般', larger: '较大', major: '重大' };

/** The places emergency mode is declared over. */
export const EMERGENCY_PLACE_KINDS = ['compound', 'community', 'street'] as const;

/** Duty posts: 指挥 / 值守 / 巡查 / 物资 / 入户. */
export const EMERGENCY_POSTS = ['command', 'watch', 'patrol', 'supplies', 'visits'] as const;
export type EmergencyPost = (typeof EMERGENCY_POSTS)[number];
export const EMERGENCY_POST_ZH: Record<EmergencyPost, string> = { command: '指挥', watch: '值守', patrol: '巡查', supplies: '物资', visits: '入户' };

/** A household's screening status: pending until a visitor marks it. */
export const HOUSEHOLD_STATUSES = ['pending', 'visited', 'nobody_home', 'refused', 'needs_help'] as const;
export type HouseholdStatus = (typeof HOUSEHOLD_STATUSES)[number];
/** What a visitor may mark. */
export const MARK_STATUSES = ['visited', 'nobody_home', 'refused', 'needs_help'] as const;
export type MarkStatus = (typeof MARK_STATUSES)[number];
/** Statuses a visitor may claim again (nobody was home); the others are final unless a manager corrects them. */
export const REVISITABLE: readonly HouseholdStatus[] = ['pending', 'nobody_home'];
export const HOUSEHOLD_STATUS_ZH: Record<HouseholdStatus, string> = { pending: '待排查', visited: '已入户', nobody_home: '无人在家', refused: '拒绝', needs_help: '需要帮助' };

/** The default checklist (editable when the screening is started). */
export const DEFAULT_QUESTIONS = ['家中是否有独居老人', '是否有发热等症状', '是否需要代购药品', '是否有行动不便人员'] as const;
export const QUESTION_MAX = 60;
export const MAX_QUESTIONS = 20;
/** A visitor's hold on a household lasts this long (then another visitor may claim it). */
export const CLAIM_MINUTES = 15;
/** An answer to a checklist question. */
export const ANSWERS = ['yes', 'no'] as const;
export const NEED_MAX = 300;
export const EMERGENCY_TEXT_MAX = 500;
