/**
 * Who manages staff accounts (账号管理: the list, an administrator's password reset); staff-accounts.ts holds the
 * scope of each. No imports: the workbench offers the page to the same roles.
 */
export const ACCOUNT_ADMIN_ROLES = ['platform_admin', 'street_official'] as const;
