/**
 * Who may read the sandbox inboxes (SMS, WeChat): they show one-time codes and what residents were told,
 * for any resident of any street, so only the platform admin, who runs the installation. (No imports:
 * the workbench reads this too.)
 */
export const SMS_SANDBOX_READERS = ['platform_admin'] as const;
