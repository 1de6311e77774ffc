import type { UseQueryResult } from '@tanstack/react-query';
import { Button, DotLoading, ErrorBlock } from 'antd-mobile';
import { useTranslation } from 'react-i18next';

/** While an H5 page's answer loads: a spinner, or the error with a retry. Renders the page once it has data. */
export function Loaded<T>({ q, children }: { q: UseQueryResult<T>; children: (data: T) => React.ReactNode }) {
  const { t } = useTranslation();
  if (q.isPending)
    return (
      <div className="gz-center" aria-busy>
        <DotLoading color="primary" />
      </div>
    );
  if (q.isError)
    return (
      <ErrorBlock status="default" fullPage={false} title={t('h5.loadFailed')} description={q.error.message}>
        <Button color="primary" onClick={() => void q.refetch()}>
          {t('common.retry')}
        </Button>
      </ErrorBlock>
    );
  return <>{children(q.data)}</>;
}
