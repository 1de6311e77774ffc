import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { useSearchParams } from 'react-router';
import { apiGet, apiPatch, apiPost, isUnauthenticated, setCsrfToken } from './api.ts';
import { applyLanguage, currentLanguage, isLanguage, LANGUAGE_NAMES, LANGUAGES, type Language } from './i18n.ts';
import { loginPathFor, safeNext } from './next.ts';
import { isMeKey, ME_KEY } from './query-client.ts';

let languagePickedSignedOut = false;
/** Set by signing out here, cleared by signing in: the gates then send to a plain sign-in page. */
let signedOutHere = false;

export interface Me {
  account: { id: string; name: string; personId: string | null; locale: Language; elderly: boolean; mustChangePassword?: boolean };
  roles: { role: string; label: Record<Language, string> }[];
  grants: { role: string; placeId: string; placeName: string }[];
  csrfToken: string | null;
  can: { audit: boolean; approve: boolean };
}

/** The signed-in account, or null when nobody is signed in. Adopts the account's language. */
async function fetchMe(): Promise<Me | null> {
  try {
    const me = await apiGet<Me>('/api/auth/me');
    setCsrfToken(me.csrfToken);
    if (isLanguage(me.account.locale)) void applyLanguage(me.account.locale);
    return me;
  } catch (err) {
    if (isUnauthenticated(err)) {
      setCsrfToken(null);
      return null;
    }
    throw err;
  }
}

export const useMe = () => useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 5 * 60_000 });

/**
 * The signed-in account; only for components rendered behind the sign-in gate. At sign-out a page may
 * render once more after the account is gone, in the same pass in which the gate above it sends it to
 * the sign-in page: it gets the account it was showing rather than crashing the pass.
 */
export function useSignedIn(): Me {
  const { data } = useMe();
  const last = useRef<Me | null>(null);
  if (data) last.current = data;
  if (!last.current) throw new Error('useSignedIn outside the signed-in area');
  return last.current;
}

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (input: { login: string; password: string }) => {
      const res = await apiPost<{ csrfToken: string; accountId: string }>('/api/auth/login', input);
      setCsrfToken(res.csrfToken);
      // A language picked on the sign-in page is a fresh, explicit choice: it becomes the account's.
      if (languagePickedSignedOut) await apiPatch('/api/auth/me', { locale: currentLanguage() });
      languagePickedSignedOut = false;
      return res;
    },
    onSuccess: () => {
      signedOutHere = false;
      return client.invalidateQueries({ queryKey: ME_KEY });
    },
  });
}

export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => apiPost('/api/auth/logout'),
    onSettled: () => {
      setCsrfToken(null);
      signedOutHere = true;
      // The gate first: with no account every signed-in page leaves for the sign-in page…
      client.setQueryData(ME_KEY, null);
      // …then forget what they showed, without refetching it (nobody is signed in to answer).
      void client.cancelQueries({ predicate: (q) => !isMeKey(q.queryKey) });
      client.removeQueries({ predicate: (q) => !isMeKey(q.queryKey) });
    },
  });
}

/**
 * Where a sign-in gate sends someone without a session: back to this page after signing in (a link,
 * a bookmark), except right after signing out here, when the page left behind is not a destination.
 */
export const signInPathFrom = (location: { pathname: string; search: string }) => (signedOutHere ? '/login' : loginPathFor(location));

/** Switches language here and, when signed in, on the account so every device follows. */
export function useChangeLanguage() {
  const { data: me } = useMe();
  const client = useQueryClient();
  return async (lng: Language) => {
    if (lng === currentLanguage()) return;
    await applyLanguage(lng);
    if (!me) languagePickedSignedOut = true;
    else {
      await apiPatch('/api/auth/me', { locale: lng });
      void client.invalidateQueries({ queryKey: ME_KEY });
    }
    // Lists carry server-made labels and messages in the old language.
    void client.invalidateQueries({ predicate: (q) => !isMeKey(q.queryKey) });
  };
}

/**
 * What a language switch needs, in either shell: the current language, the choices by their own names
 * (`short`: 中文 / EN), and picking one; a failure goes to `onError` (the shell's way of saying it).
 */
export function useLanguagePicker(onError: (message: string) => void, names: 'full' | 'short' = 'full') {
  const change = useChangeLanguage();
  return {
    value: currentLanguage(),
    options: LANGUAGES.map((value) => ({ value, label: LANGUAGE_NAMES[value][names] })),
    pick: (lng: Language) => void change(lng).catch((err: Error) => onError(err.message)),
  };
}

/** What a sign-in form sends. */
export interface Credentials {
  login: string;
  password: string;
}

/**
 * What the workbench's and the H5's sign-in pages share (they differ only in their components): the
 * sign-in, and where to go once signed in — the page's `?next=`, kept on this site — or null while not.
 */
export function useSignInPage() {
  const me = useMe();
  const login = useLogin();
  const [search] = useSearchParams();
  return { login, signedInTo: me.data ? safeNext(search.get('next')) : null };
}
