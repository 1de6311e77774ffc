import { Flex, Spin } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { signInPathFrom, useMe } from '../../shared/session.ts';
import { ErrorState } from '../components/ErrorState.tsx';
import { ScopeProvider } from '../scope.tsx';

/** Signed-in pages: wait for the session, send strangers to sign in (and back here afterwards). */
export function RequireSession({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) {
    return (
      <Flex justify="center" align="center" style={{ minHeight: '100vh' }}>
        <Spin size="large" />
      </Flex>
    );
  }
  if (me.isError) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) return <Navigate to={signInPathFrom(location)} replace />;
  return <ScopeProvider accountId={me.data.account.id}>{children}</ScopeProvider>;
}
