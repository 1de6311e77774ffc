import { createCipheriv, createDecipheriv, createHmac, createSecretKey, hkdfSync } from 'node:crypto';
import { pooledRandomBytes } from '../random.ts';

/**
 * Personal data at rest: AES-256-GCM for the value, HMAC-SHA256 keyed hash for exact lookup, and a
 * masked form for display. Both keys are derived from the one master key in config, so rotating
 * the master key is one setting (and a re-encryption job).
 */
export interface Pii {
  encrypt(plain: string): string;
  decrypt(stored: string): string;
  /** Keyed hash of the normalised value: equal inputs give equal hashes, nothing else leaks. */
  hash(plain: string): string;
}

const VERSION = 'v1';

export function createPii(masterKey: Buffer): Pii {
  // KeyObjects made once: a raw Buffer key is re-imported on every call (measurable in bulk imports).
  const encKey = createSecretKey(Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'gongzhi pii enc', 32)));
  const macKey = createSecretKey(Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'gongzhi pii mac', 32)));
  return {
    encrypt(plain) {
      const iv = pooledRandomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', encKey, iv);
      const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return [VERSION, iv.toString('base64'), cipher.getAuthTag().toString('base64'), ct.toString('base64')].join(':');
    },
    decrypt(stored) {
      const [version, iv, tag, ct] = stored.split(':');
      if (version !== VERSION || !iv || !tag || ct === undefined) throw new Error('Unknown PII format');
      const decipher = createDecipheriv('aes-256-gcm', encKey, Buffer.from(iv, 'base64'));
      decipher.setAuthTag(Buffer.from(tag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(ct, 'base64')), decipher.final()]).toString('utf8');
    },
    hash(plain) {
      return createHmac('sha256', macKey).update(normalise(plain)).digest('base64url');
    },
  };
}

/** Full-width digits and letters to ASCII, spaces removed, upper case (ID numbers end in X or x). */
export function normalise(value: string): string {
  return value
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, '')
    .toUpperCase();
}

/** 13800000012 → 138****0012 */
/** 王丽 → 王*, 欧阳小明 → 欧**: a name shown to neighbours (a roll, a public page) only roughly. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  return chars.length <= 1 ? `${chars[0] ?? ''}*` : `${chars[0]}${'*'.repeat(Math.min(chars.length - 1, 2))}`;
}

export function maskPhone(phone: string): string {
  const p = normalise(phone);
  return p.length >= 7 ? `${p.slice(0, 3)}****${p.slice(-4)}` : '****';
}

/** 330802199001010387 → 3308**********0387 */
export function maskIdNumber(id: string): string {
  const v = normalise(id);
  return v.length >= 8 ? `${v.slice(0, 4)}${'*'.repeat(v.length - 8)}${v.slice(-4)}` : '****';
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** GB 11643 checksum of an 18-character resident ID number. */
export function isValidIdNumber(id: string): boolean {
  const v = normalise(id);
  if (!/^\d{17}[\dX]$/.test(v)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(v[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11] === v[17];
}

/** Completes a 17-digit prefix with its check character (used by the demo seed and tests). */
export function withIdChecksum(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i]!;
  return first17 + ID_CHECK[sum % 11];
}

export const isValidMobile = (phone: string): boolean => /^1[3-9]\d{9}$/.test(normalise(phone));
