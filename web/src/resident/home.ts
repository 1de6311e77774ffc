import { type QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet } from '../shared/api.ts';

/**
 * The resident home in one request: `GET /api/me/home` answers every module's slice (the server's
 * manifests' `residentHome`). The home page's sections still read their own queries — the same ones
 * their full pages use — and find them already answered: each module registers here how its slice
 * fills its queries (`primeFromHome`), so the first load makes two requests, not six.
 */
export const HOME_KEY = ['me', 'home'] as const;

type Primer = (home: Record<string, unknown>, client: QueryClient) => void;
const primers: Primer[] = [];

/** A module's slice of the home → its own queries (called once, from the module's resident routes). */
export function primeFromHome(primer: Primer): void {
  primers.push(primer);
}

export function useResidentHome<T>() {
  const client = useQueryClient();
  return useQuery({
    queryKey: HOME_KEY,
    queryFn: async () => {
      const home = await apiGet<Record<string, unknown>>('/api/me/home');
      for (const prime of primers) prime(home, client);
      return home as T;
    },
  });
}
