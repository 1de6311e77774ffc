import { Button, DotLoading, ErrorBlock, List, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { BackTitle } from '../../../../resident/BackTitle.tsx';
import { useCreatePayOrder, usePayPreview, yuan } from '../api.ts';

/** /h5/fees/pay?bills=a,b — confirm the bills and the total, then on to the gateway's cashier. */
export function PayPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const ids = search.get('bills') ?? '';
  const preview = usePayPreview(ids);
  const create = useCreatePayOrder();
  const pay = async () => {
    try {
      const order = await create.mutateAsync(preview.data!.items.map((b) => b.id));
      void navigate(order.payUrl.replace(/^\/h5/, ''));
    } catch (err) {
      Toast.show({ icon: 'fail', content: (err as Error).message });
    }
  };
  return (
    <>
      <BackTitle fallback="/">{t('feesPayments.h5.payTitle')}</BackTitle>
      {!ids || preview.isError ? (
        <ErrorBlock status="empty" title={t('feesPayments.h5.noBills')} description={preview.error?.message ?? ''} />
      ) : preview.isPending ? (
        <div className="gz-center" aria-busy>
          <DotLoading color="primary" />
        </div>
      ) : (
        <>
          <List header={preview.data.items[0]?.roomLabel}>
            {preview.data.items.map((b) => (
              <List.Item key={b.id} extra={`${yuan(b.dueFen)} ${t('feesPayments.h5.yuan')}`} description={t('feesPayments.h5.dueOn', { day: b.dueOn })}>
                {b.periodLabel}
              </List.Item>
            ))}
            <List.Item extra={<strong>{`${yuan(preview.data.totalFen)} ${t('feesPayments.h5.yuan')}`}</strong>}>{t('feesPayments.h5.total')}</List.Item>
          </List>
          <div style={{ padding: 16 }}>
            {preview.data.oneRoom ? (
              <Button block color="primary" size="large" loading={create.isPending} disabled={preview.data.items.some((b) => b.status !== 'open')} onClick={() => void pay()}>
                {t('feesPayments.h5.pay', { amount: yuan(preview.data.totalFen) })}
              </Button>
            ) : (
              <ErrorBlock status="default" title={t('feesPayments.h5.oneRoom')} />
            )}
          </div>
        </>
      )}
    </>
  );
}
