import { useScope } from '../../workbench/scope.tsx';
import { usePlaceRoots } from './api.ts';

/**
 * Where a new person or organisation is registered unless the user picks otherwise: the scoped
 * place, or the user's one granted place when they have just one.
 */
export function useDefaultPlace(): { id: string; name: string } | null {
  const { scope } = useScope();
  const roots = usePlaceRoots();
  if (scope) return scope;
  const only = roots.data?.length === 1 ? roots.data[0]! : null;
  return only ? { id: only.id, name: only.name } : null;
}
