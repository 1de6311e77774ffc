import { Button, DotLoading, ErrorBlock, List, Selector, Space, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { SANDBOX_MODES, type SandboxMode } from '#server/modules/fees/contract.ts';
import { BackTitle } from '../../../../resident/BackTitle.tsx';
import { useSandboxCancel, useSandboxOrder, useSandboxPay, yuan } from '../api.ts';

/** The sandbox gateway's cashier: amount, merchant, 确认支付 / 取消 — and its test switches for the notification. */
export function SandboxCashierPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { orderNo = '' } = useParams();
  const order = useSandboxOrder(orderNo);
  const pay = useSandboxPay(orderNo);
  const cancel = useSandboxCancel(orderNo);
  const [mode, setMode] = useState<SandboxMode>('normal');
  const back = (url: string | null | undefined) => void navigate((url ?? '/').replace(/^\/h5/, ''));
  const o = order.data;
  return (
    <>
      <BackTitle fallback="/">{t('feesPayments.sandbox.title')}</BackTitle>
      {order.isError ? (
        <ErrorBlock status="empty" title={t('feesPayments.sandbox.gone')} />
      ) : !o ? (
        <div className="gz-center" aria-busy>
          <DotLoading color="primary" />
        </div>
      ) : (
        <>
          <div style={{ textAlign: 'center', padding: '24px 0 8px' }}>
            <div>{o.merchantName}</div>
            <div style={{ fontSize: 36, fontWeight: 600 }}>¥ {yuan(o.amountFen)}</div>
          </div>
          <List>
            <List.Item extra={o.subject}>{t('feesPayments.sandbox.subject')}</List.Item>
            <List.Item extra={o.orderNo}>{t('feesPayments.sandbox.orderNo')}</List.Item>
            <List.Item extra={t(`feesPayments.sandbox.status.${o.status}`)}>{t('feesPayments.field.status')}</List.Item>
          </List>
          {o.status === 'created' ? (
            <Space direction="vertical" block style={{ padding: 16 }}>
              <div>{t('feesPayments.sandbox.mode')}</div>
              <Selector columns={2} value={[mode]} onChange={(v) => v[0] && setMode(v[0])} options={SANDBOX_MODES.map((m) => ({ value: m, label: t(`feesPayments.sandbox.modes.${m}`) }))} />
              <Button
                block
                color="primary"
                size="large"
                loading={pay.isPending}
                onClick={() =>
                  void pay
                    .mutateAsync(mode)
                    .then((r) => back(r.returnUrl))
                    .catch((e: Error) => Toast.show({ icon: 'fail', content: e.message }))
                }
              >
                {t('feesPayments.sandbox.confirm')}
              </Button>
              <Button block size="large" onClick={() => void cancel.mutateAsync().then(() => back(o.returnUrl))}>
                {t('feesPayments.sandbox.cancel')}
              </Button>
            </Space>
          ) : (
            <div style={{ padding: 16 }}>
              <Button block onClick={() => back(o.returnUrl)}>
                {t('feesPayments.sandbox.backToMerchant')}
              </Button>
            </div>
          )}
        </>
      )}
    </>
  );
}
