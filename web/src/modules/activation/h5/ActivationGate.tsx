import type { ReactNode } from 'react';
import { Navigate } from 'react-router';
import { useMe } from '../../../shared/session.ts';

/**
 * In front of the resident home: an account that is neither a resident nor staff (just signed up)
 * goes on to claim its room; everyone else sees the page.
 */
export function ActivationGate({ children }: { children: ReactNode }) {
  const me = useMe();
  if (me.data && !me.data.account.personId && me.data.roles.length === 0) return <Navigate to="/activate" replace />;
  return <>{children}</>;
}
