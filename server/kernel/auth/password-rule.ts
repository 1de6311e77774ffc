/**
 * The rule every password a person chooses must meet (sign-up, reset by SMS, change of password): 8–64 characters
 * with at least one letter and one digit. No imports: the web shells check it before sending.
 */
export const isStrongPassword = (p: string) => p.length >= 8 && p.length <= 64 && /[A-Za-z]/.test(p) && /\d/.test(p);
