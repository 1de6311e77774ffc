import { Button, Form, Input, Popup, Tag, TextArea, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiPost } from '../../../../shared/api.ts';
import { formatDateTime } from '../../../../shared/format.ts';
import type { MyDecision } from '../../h5/api.ts';
import '../i18n.ts';

/** A receipt as the board and the SMS show it: the first 16 hex digits in groups of four. */
const short = (receipt: string) => receipt.slice(0, 16).replace(/(.{4})(?=.)/g, '$1-');

/**
 * 我的回执: the receipt of each of my ballots that counted (or did, before a change), to find on the public board;
 * and "回执不符", which reaches the street — the organiser is the party whose count is in question.
 */
export function MyReceipts({ d }: { d: MyDecision }) {
  const { t } = useTranslation();
  const [reporting, setReporting] = useState(false);
  const [sending, setSending] = useState(false);
  const receipts = d.ballots.filter((b): b is typeof b & { receipt: string } => !!b.receipt);
  if (!d.board || receipts.length === 0) return null;
  const send = async (values: { receipt: string; note?: string }) => {
    setSending(true);
    try {
      await apiPost(`/api/me/decisions/${d.id}/receipt-reports`, values);
      Toast.show({ icon: 'success', content: t('decisionsLedger.h5.reportSent') });
      setReporting(false);
    } catch (err) {
      Toast.show({ icon: 'fail', content: err instanceof Error ? err.message : String(err) });
    } finally {
      setSending(false);
    }
  };
  return (
    <section className="gz-dec-card" aria-labelledby="gz-dec-receipts">
      <h2 id="gz-dec-receipts">{t('decisionsLedger.h5.title')}</h2>
      <p className="gz-dec-hint">{t('decisionsLedger.h5.hint')}</p>
      {receipts.map((b) => (
        <div key={b.id} style={{ marginBottom: 12 }}>
          <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8, alignItems: 'center' }}>
            <span style={{ fontFamily: 'ui-monospace, monospace', fontSize: '1.05em', letterSpacing: 0.5 }} aria-label={t('decisionsLedger.h5.receipt')}>
              {short(b.receipt)}
            </span>
            <Tag color={b.status === 'counted' ? 'success' : 'default'} fill="outline">
              {t(`decisionsLedger.h5.status.${b.status === 'counted' ? 'counted' : b.status === 'duplicate' ? 'duplicate' : 'superseded'}`)}
            </Tag>
          </div>
          <p className="gz-dec-hint" style={{ wordBreak: 'break-all' }}>
            {t(`decisionsLedger.h5.channel.${b.channel}`)} · {formatDateTime(b.castAt)} · {b.receipt}
          </p>
        </div>
      ))}
      <Button block size="large" color="primary" fill="outline" onClick={() => window.location.assign(`/h5/p/decisions.board/${d.id}`)}>
        {t('decisionsLedger.h5.check')}
      </Button>
      <Button block size="large" fill="none" style={{ marginTop: 8 }} onClick={() => setReporting(true)}>
        {t('decisionsLedger.h5.report')}
      </Button>
      <Popup visible={reporting} onMaskClick={() => setReporting(false)} bodyStyle={{ borderTopLeftRadius: 12, borderTopRightRadius: 12, padding: 16 }}>
        <h3 style={{ marginTop: 0 }}>{t('decisionsLedger.h5.reportTitle')}</h3>
        <Form
          layout="vertical"
          initialValues={{ receipt: short(receipts[0]!.receipt) }}
          onFinish={(v: { receipt: string; note?: string }) => void send(v)}
          footer={
            <Button block type="submit" color="primary" size="large" loading={sending}>
              {t('decisionsLedger.h5.reportSend')}
            </Button>
          }
        >
          <Form.Item name="receipt" label={t('decisionsLedger.h5.reportReceipt')} rules={[{ required: true, min: 8 }]}>
            <Input maxLength={80} />
          </Form.Item>
          <Form.Item name="note" label={t('decisionsLedger.h5.reportNote')}>
            <TextArea maxLength={500} rows={3} />
          </Form.Item>
        </Form>
        <Button block fill="none" onClick={() => setReporting(false)}>
          {t('decisionsLedger.h5.cancel')}
        </Button>
      </Popup>
    </section>
  );
}
