/** Who may read the SMS sandbox (the dev inbox): it shows one-time codes, so only the top of the tree. (No imports: the workbench reads this too.) */
export const SMS_SANDBOX_READERS = ['platform_admin', 'street_official'] as const;
