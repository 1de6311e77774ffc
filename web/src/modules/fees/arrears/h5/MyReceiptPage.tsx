import { Button, DotLoading, ErrorBlock, Form, Input, List, NoticeBar, Popup, Tag, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { BackTitle } from '../../../../resident/BackTitle.tsx';
import { ApiError } from '../../../../shared/api.ts';
import { formatDate, formatDateTime } from '../../../../shared/format.ts';
import { useMyReceipt, useRequestInvoice, yuan } from '../api.ts';

/** One of my receipts: what it says, 下载 PDF, its check page, and 申请发票 with the request's status. */
export function MyReceiptPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const receipt = useMyReceipt(id);
  const ask = useRequestInvoice(true);
  const [asking, setAsking] = useState(false);
  const [form] = Form.useForm<{ title: string; taxNo?: string; email: string }>();
  if (receipt.isPending) return <DotLoading />;
  if (receipt.isError) return <ErrorBlock status="default" title={t('feesArrears.h5.loadFailed')} />;
  const r = receipt.data;
  const live = r.invoices.find((i) => i.status !== 'rejected');
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await ask.mutateAsync({ receiptId: r.id, title: v.title.trim(), email: v.email.trim(), ...(v.taxNo?.trim() ? { taxNo: v.taxNo.trim().toUpperCase() } : {}) });
      Toast.show({ icon: 'success', content: t('feesArrears.h5.invoiceAsked') });
      setAsking(false);
    } catch (e) {
      Toast.show({ content: e instanceof ApiError ? e.message : t('feesArrears.h5.loadFailed') });
    }
  };
  return (
    <>
      <BackTitle fallback="/fees/receipts">{t('feesArrears.h5.receipt')}</BackTitle>
      {r.status === 'voided' && <NoticeBar color="error" content={t('feesArrears.h5.voided', { reason: r.voidReason ?? '' })} />}
      <List header={r.issuerName}>
        <List.Item extra={r.no}>{t('feesArrears.receipt.no')}</List.Item>
        <List.Item extra={`¥${yuan(r.amountFen)}`} description={r.amountCapitals}>
          {t('feesArrears.receipt.amount')}
        </List.Item>
        <List.Item extra={formatDate(r.issuedAt)}>{t('feesArrears.receipt.issuedAt')}</List.Item>
        <List.Item extra={r.roomLabel}>{t('feesArrears.receipt.room')}</List.Item>
        <List.Item extra={r.periods}>{t('feesArrears.receipt.periods')}</List.Item>
        <List.Item extra={r.payerNameMasked ?? '—'}>{t('feesArrears.receipt.payer')}</List.Item>
        <List.Item extra={<Tag color={r.status === 'valid' ? 'success' : 'danger'}>{t(`feesArrears.receiptStatus.${r.status}`)}</Tag>}>{t('feesArrears.receipt.status')}</List.Item>
      </List>
      <div style={{ padding: 16, display: 'grid', gap: 12 }}>
        <Button block color="primary" size="large" onClick={() => void window.open(`/api/me/fees/receipts/${r.id}/receipt.pdf`, '_blank')}>
          {t('feesArrears.h5.downloadPdf')}
        </Button>
        <Button block size="large" onClick={() => void window.open(`/h5/p/fees.receipt/${r.id}`, '_blank')}>
          {t('feesArrears.h5.check')}
        </Button>
        {r.status === 'valid' && !live && (
          <Button block size="large" onClick={() => setAsking(true)}>
            {t('feesArrears.h5.askInvoice')}
          </Button>
        )}
      </div>
      {r.invoices.length > 0 && (
        <List header={t('feesArrears.h5.invoices')}>
          {r.invoices.map((i) => (
            <List.Item key={i.id} description={i.status === 'issued' ? t('feesArrears.h5.invoiceIssued', { no: i.invoiceNo ?? '', date: formatDate(i.invoiceDate) }) : i.status === 'rejected' ? i.rejectReason : t('feesArrears.h5.invoiceWaiting')} extra={t(`feesArrears.invoiceStatus.${i.status}`)}>
              {i.title} · {formatDateTime(i.requestedAt)}
            </List.Item>
          ))}
        </List>
      )}
      <Popup visible={asking} onMaskClick={() => setAsking(false)} bodyStyle={{ padding: 16 }}>
        <p>{t('feesArrears.invoice.outOfReach')}</p>
        <Form form={form} layout="vertical" footer={<Button block color="primary" size="large" loading={ask.isPending} onClick={() => void submit()}>{t('feesArrears.h5.askInvoice')}</Button>}>
          <Form.Item name="title" label={t('feesArrears.invoice.title')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
            <Input maxLength={100} clearable />
          </Form.Item>
          <Form.Item name="taxNo" label={t('feesArrears.invoice.taxNo')} help={t('feesArrears.invoice.taxNoHelp')} rules={[{ pattern: /^[0-9A-Za-z]{15,20}$/, message: t('feesArrears.invoice.taxNoHelp') }]}>
            <Input maxLength={20} clearable />
          </Form.Item>
          <Form.Item name="email" label={t('feesArrears.invoice.email')} rules={[{ required: true, type: 'email', message: t('feesArrears.invoice.emailHelp') }]}>
            <Input maxLength={100} clearable />
          </Form.Item>
        </Form>
      </Popup>
    </>
  );
}
