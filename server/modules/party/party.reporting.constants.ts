/** The reporting part's vocabulary (双报到, projects, claims, service), free of dependencies: the web reads it through contract.ts. */

export const REPORT_DECISIONS = ['confirm', 'reject'] as const;
export const PROJECT_STATUSES = ['open', 'closed'] as const;
export const CLAIM_STATUSES = ['active', 'withdrawn'] as const;
export const CONTACT_NAME_MAX = 50;
export const SKILLS_MAX = 200;
export const TITLE_MAX = 100;
export const DESCRIPTION_MAX = 2000;
export const POST_DESCRIPTION_MAX = 1000;
export const POSTS_MAX = 20;

/** Points for a service: whole points, rounded down — floor(minutes × points per hour / 60). */
export const servicePoints = (minutes: number, pointsPerHour: number): number => Math.floor((minutes * pointsPerHour) / 60);
