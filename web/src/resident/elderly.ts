import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { apiPatch } from '../shared/api.ts';
import { ME_KEY } from '../shared/query-client.ts';
import { readStored, writeStored } from '../shared/storage.ts';

/**
 * Elderly mode (适老化): large type, high contrast, big touch targets. Remembered for the account on the
 * server (so it follows the resident to another phone), and for this device too, so that the sign-in
 * page and the public pages are already readable for whoever used it last.
 */
const DEVICE_KEY = 'gz.elderly';

export function applyElderly(on: boolean): void {
  document.documentElement.classList.toggle('gz-elderly', on);
}

export const deviceElderly = () => readStored(DEVICE_KEY) === '1';

/** The mode for a signed-in account (its saved choice), or for the device when nobody is signed in. */
export function useElderlyMode(account: { id: string; elderly?: boolean } | null) {
  const client = useQueryClient();
  const saved = account ? (account.elderly ?? deviceElderly()) : deviceElderly();
  const [on, setOn] = useState(saved);
  // The account's choice wins once it is known (another phone may have changed it).
  useEffect(() => setOn(saved), [account?.id, saved]);
  useEffect(() => applyElderly(on), [on]);
  const set = (next: boolean) => {
    setOn(next);
    writeStored(DEVICE_KEY, next ? '1' : '0');
    if (account) void apiPatch('/api/auth/me', { elderly: next }).then(() => client.invalidateQueries({ queryKey: ME_KEY }));
  };
  return [on, set] as const;
}
