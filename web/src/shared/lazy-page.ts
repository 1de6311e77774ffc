import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router';

/**
 * A route's page as its own chunk, fetched the first time the route is visited, so a shell's first
 * load carries only what its first page needs: `{ path: 'repairs/orders', lazy: page(() =>
 * import('./pages/OrdersPage.tsx'), 'OrdersPage') }`.
 */
export function page<M, K extends keyof M>(load: () => Promise<M>, name: K): RouteObject['lazy'] {
  return async () => ({ Component: (await load())[name] as ComponentType });
}
