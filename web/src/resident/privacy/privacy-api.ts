import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiPost } from '../../shared/api.ts';

/** The kernel's personal-data routes (server/kernel/privacy/): the notice, my consent, who looked, closing my account. */
export interface PrivacyNotice {
  version: string;
  title: string;
  sections: [string, string][];
}
export interface PrivacyConsent {
  version: string;
  consented: boolean;
  /** Agreed to an earlier notice only: this one is new to them. */
  updated: boolean;
  sensitive: boolean;
  consentedAt: string | null;
  /** Must agree before using the H5 (a resident; staff-only accounts are not asked). */
  required: boolean;
}
export interface PiiRead {
  at: string;
  action: string;
  roles: { role: string; label: string; place: string }[];
}

export const usePrivacyNotice = () => useQuery({ queryKey: ['privacy', 'notice'], queryFn: () => apiGet<PrivacyNotice>('/api/privacy') });
export const useMyConsent = () => useQuery({ queryKey: ['privacy', 'consent'], queryFn: () => apiGet<PrivacyConsent>('/api/me/privacy-consent') });
export const usePiiReads = () => useQuery({ queryKey: ['privacy', 'reads'], queryFn: () => apiGet<{ items: PiiRead[] }>('/api/me/pii-reads') });

export function useConsent() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: { version: string; sensitive: boolean }) => apiPost<PrivacyConsent>('/api/me/privacy-consent', v),
    onSuccess: (data) => client.setQueryData(['privacy', 'consent'], data),
  });
}

export function useCloseAccount() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => apiPost<{ closed: true }>('/api/me/close-account', { confirm: true }),
    // The session is gone: the sign-in gate takes over once the cached "me" is dropped.
    onSuccess: () => client.clear(),
  });
}

export type CorrectionField = 'name' | 'phone' | 'id_number' | 'household' | 'other';
export interface Correction {
  id: string;
  field: CorrectionField;
  request: string;
  status: 'open' | 'answered';
  answer: string | null;
  created_at: string;
}
export const useMyCorrections = () => useQuery({ queryKey: ['privacy', 'corrections'], queryFn: () => apiGet<{ items: Correction[] }>('/api/me/corrections') });
export function useRequestCorrection() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: { field: CorrectionField; request: string }) => apiPost<{ id: string }>('/api/me/corrections', v),
    onSuccess: () => client.invalidateQueries({ queryKey: ['privacy', 'corrections'] }),
  });
}

/** The download of "my data" (a plain link: the browser sends the session cookie). */
export const PERSONAL_DATA_URL = '/api/me/personal-data.xlsx';
