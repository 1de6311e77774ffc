import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/api.ts';

const statusOf = (err: unknown) => {
  if (!(err instanceof ApiError)) return 'error' as const;
  if (err.status === 404) return '404' as const;
  if (err.status === 403) return '403' as const;
  return err.status >= 500 || err.status === 0 ? ('500' as const) : ('warning' as const);
};

/** A failed load, in words the user can act on, with a retry when retrying can help. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const status = statusOf(error);
  const message = error instanceof Error ? error.message : String(error);
  const retryable = status === '500' || status === 'error';
  return (
    <Result
      status={status}
      title={t(`error.title.${status}`)}
      subTitle={message}
      extra={retryable && onRetry ? <Button onClick={onRetry}>{t('common.retry')}</Button> : undefined}
    />
  );
}
