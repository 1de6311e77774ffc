/** The demo street's sign-ins (server/modules/registry/demo/plan-offices.ts) and their one password (server/kernel/demo-seed.ts). */
export const DEMO_PASSWORD = 'Gongzhi@2026';
export const STREET_OFFICIAL = 'street';
export const PLATFORM_ADMIN = 'admin';
export const RESIDENT_PHONE = '13800000001';
/** The demo resident who agreed to an earlier privacy notice and is asked again (server/kernel/privacy/privacy.seed.ts). */
export const EARLIER_CONSENT_PHONE = '13800000003';

/** Where journeys leave their screenshots for people to look at. */
export const shot = (name: string) => `artifacts/e2e/${name}.png`;
