import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError, isUnauthenticated } from './api.ts';

export const ME_KEY = ['auth', 'me'] as const;
export const isMeKey = (key: readonly unknown[]) => key[0] === ME_KEY[0] && key[1] === ME_KEY[1];

/**
 * One client per shell. Client errors (4xx) are answers, not glitches: never retried. A 401 from
 * any call means the session ended, so the session query is refreshed and the shell shows sign-in.
 */
export function createQueryClient(): QueryClient {
  const onError = (err: unknown) => {
    if (isUnauthenticated(err)) void client.invalidateQueries({ queryKey: ME_KEY });
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (err, query) => !isMeKey(query.queryKey) && onError(err) }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        retry: (count, err) => !(err instanceof ApiError && err.status >= 400 && err.status < 500) && count < 2,
        refetchOnWindowFocus: false,
        staleTime: 30_000,
      },
    },
  });
  return client;
}
