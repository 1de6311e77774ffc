import { useEffect, useState } from 'react';
import { readStored, writeStored } from '../shared/storage.ts';

/**
 * Elderly mode (适老化): large type, high contrast, big touch targets. Remembered per account, and
 * for this device too, so the sign-in page is already readable for whoever used it last.
 */
const DEVICE_KEY = 'gz.elderly';
const accountKey = (accountId: string) => `gz.elderly.${accountId}`;

export function applyElderly(on: boolean): void {
  document.documentElement.classList.toggle('gz-elderly', on);
}

export const deviceElderly = () => readStored(DEVICE_KEY) === '1';

export function useElderlyMode(accountId: string | null) {
  const [on, setOn] = useState(() => {
    const stored = accountId ? readStored(accountKey(accountId)) : null;
    return stored === null ? deviceElderly() : stored === '1';
  });
  useEffect(() => applyElderly(on), [on]);
  const set = (next: boolean) => {
    setOn(next);
    writeStored(DEVICE_KEY, next ? '1' : '0');
    if (accountId) writeStored(accountKey(accountId), next ? '1' : '0');
  };
  return [on, set] as const;
}
