import { Button, DotLoading, ErrorBlock } from 'antd-mobile';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { signInPathFrom, useMe } from '../shared/session.ts';
import { useElderlyMode } from './elderly.ts';
import { PrivacyGate } from './privacy/PrivacyGate.tsx';

function ElderlyFromAccount({ account }: { account: { id: string; elderly: boolean } }) {
  useElderlyMode(account);
  return null;
}

/** Waits for the session; strangers go to sign in, and back here afterwards; a resident agrees to the privacy notice first. */
export function RequireResident({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  if (me.isPending) {
    return (
      <div className="gz-center">
        <DotLoading color="primary" />
      </div>
    );
  }
  if (me.isError) {
    return (
      <ErrorBlock status="default" title={t('error.title.500')} description={me.error.message}>
        <Button color="primary" onClick={() => void me.refetch()}>
          {t('common.retry')}
        </Button>
      </ErrorBlock>
    );
  }
  if (!me.data) return <Navigate to={signInPathFrom(location)} replace />;
  return (
    <>
      <ElderlyFromAccount account={me.data.account} />
      <PrivacyGate>{children}</PrivacyGate>
    </>
  );
}
