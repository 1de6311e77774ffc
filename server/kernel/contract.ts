/**
 * What the web may import from the kernel (scripts/check-boundaries.ts holds it): shared vocabularies,
 * nothing that runs on the server.
 */
export * from './access/place-kinds.ts';
export * from './notify/channels/sms-readers.ts';
export type { InboxItem } from './notify/inbox.ts';
export type { NotifySettings } from './notify/settings.ts';
export type * from './public/payload.ts';
export * from './auth/password-rule.ts';
export * from './auth/account-admins.ts';
export type { resetStaffPassword } from './auth/staff-accounts.ts';
