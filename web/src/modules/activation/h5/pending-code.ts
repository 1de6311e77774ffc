import { normaliseCode } from '#server/modules/activation/contract.ts';

/**
 * The activation code a resident arrived with (/h5/activate?code=…), kept for this browser tab
 * while they sign up or sign in first, so they do not have to type it again.
 */
const KEY = 'gz.activation.code';

export function rememberCode(code: string | null): void {
  try {
    if (code) window.sessionStorage.setItem(KEY, normaliseCode(code));
    else window.sessionStorage.removeItem(KEY);
  } catch {
    // A convenience only.
  }
}

export function rememberedCode(): string | null {
  try {
    return window.sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}
