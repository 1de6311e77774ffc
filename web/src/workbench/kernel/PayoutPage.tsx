import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Breadcrumb, Button, Card, Descriptions, Form, Input, InputNumber, Space, Table, type TableColumnsType, Tag, Timeline, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatDateTime } from '../../shared/format.ts';
import { FormModal } from '../components/FormModal.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { QueryView } from '../components/QueryView.tsx';
import { PAYOUT_STATUS_COLOR } from './PayoutsPage.tsx';
import { type PayoutLine, type PayoutStatement, useCorrect, usePay, usePayout, useTransition, yuan } from './payouts-api.ts';

type Step = 'review' | 'approve' | 'close';

/** 结算单详情: who, which period, its lines and total, its timeline, and the next step with a confirmation. */
export function PayoutPage() {
  const { id = '' } = useParams();
  const payout = usePayout(id);
  return (
    <QueryView query={payout}>
      {(s) => <PayoutView s={s} />}
    </QueryView>
  );
}

function PayoutView({ s }: { s: PayoutStatement }) {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step | null>(null);
  const [paying, setPaying] = useState(false);
  const [correcting, setCorrecting] = useState<PayoutLine | null>(null);
  const can = (a: PayoutStatement['actions'][number]) => s.actions.includes(a);
  const columns: TableColumnsType<PayoutLine> = [
    { title: t('payout.line.description'), dataIndex: 'description' },
    { title: t('payout.place'), dataIndex: 'placeLabel', render: (v: string | null) => v ?? '—' },
    { title: t('payout.line.quantity'), dataIndex: 'quantity', align: 'right' },
    { title: t('payout.line.unit'), dataIndex: 'unitFen', align: 'right', render: (v: number) => yuan(v) },
    { title: t('payout.line.amount'), dataIndex: 'amountFen', align: 'right', render: (v: number) => yuan(v) },
    {
      title: t('payout.line.note'),
      key: 'note',
      render: (_, l) =>
        l.reversesLineId ? (
          <Tag color="red">{t('payout.line.reversal', { reason: l.reason })}</Tag>
        ) : l.reversedById ? (
          <Tag>{t('payout.line.reversed', { period: l.reversedInPeriod })}</Tag>
        ) : l.reason ? (
          <Tag color="blue">{t('payout.line.replacement', { reason: l.reason })}</Tag>
        ) : null,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, l) =>
        can('correct') && !l.reversesLineId && !l.reversedById && (
          <Button size="small" onClick={() => setCorrecting(l)}>
            {t('payout.correct')}
          </Button>
        ),
    },
  ];
  return (
    <>
      <PageHeader
        breadcrumb={<Breadcrumb items={[{ title: <Link to="/payouts">{t('menu.payouts')}</Link> }, { title: s.payeeName }]} />}
        title={`${s.kindName} · ${s.payeeName} · ${s.period}`}
        tags={<Tag color={PAYOUT_STATUS_COLOR[s.status]}>{t(`payout.status.${s.status}`)}</Tag>}
        extra={
          <>
            {(['review', 'approve', 'close'] as const).map(
              (a) =>
                can(a) && (
                  <Button key={a} type="primary" onClick={() => setStep(a)}>
                    {t(`payout.action.${a}`)}
                  </Button>
                ),
            )}
            {can('pay') && (
              <Button type="primary" onClick={() => setPaying(true)}>
                {t('payout.action.pay')}
              </Button>
            )}
            <Button icon={<DownloadOutlined />} href={`/api/payouts/${s.id}/export.xlsx`}>
              {t('payout.export')}
            </Button>
          </>
        }
      />
      {s.status === 'reviewed' && !can('approve') && (
        <Alert type="info" showIcon title={t('payout.awaitingOther')} style={{ marginBottom: 16 }} />
      )}
      <Card style={{ marginBottom: 16 }}>
        <Descriptions
          column={3}
          size="small"
          items={[
            { key: 'payee', label: t('payout.payee'), children: `${s.payeeName}（${s.payeeKind}）` },
            { key: 'place', label: t('payout.place'), children: s.placeLabel },
            { key: 'total', label: t('payout.total'), children: <Typography.Text strong>{yuan(s.totalFen)}</Typography.Text> },
            { key: 'reviewed', label: t('payout.reviewedBy'), children: s.reviewedBy ? `${s.reviewedBy} · ${formatDateTime(s.reviewedAt)}` : '—' },
            { key: 'approved', label: t('payout.approvedBy'), children: s.approvedBy ? `${s.approvedBy} · ${formatDateTime(s.approvedAt)}` : '—' },
            {
              key: 'voucher',
              label: t('payout.voucherNo'),
              children: s.voucherNo ? (
                <a href={`/api/payouts/${s.id}/voucher`} target="_blank" rel="noreferrer">
                  {s.voucherNo}
                </a>
              ) : (
                '—'
              ),
            },
          ]}
        />
      </Card>
      <Card title={t('payout.linesTitle')} style={{ marginBottom: 16 }}>
        <Table<PayoutLine>
          rowKey="id"
          size="small"
          pagination={false}
          columns={columns}
          dataSource={s.lines}
          summary={() => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={4}>
                <Typography.Text strong>{t('payout.total')}</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={4} align="right">
                <Typography.Text strong>{yuan(s.totalFen)}</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={5} colSpan={2} />
            </Table.Summary.Row>
          )}
        />
      </Card>
      <Card title={t('payout.timeline')}>
        <Timeline
          items={s.timeline.map((e) => ({
            key: e.seq,
            children: (
              <>
                <Typography.Text strong>{t(`payout.event.${e.action.replace('payouts.statement.', '')}`, { defaultValue: e.action })}</Typography.Text>{' '}
                <Typography.Text type="secondary">
                  {e.actorName === 'system' ? t('payout.system') : e.actorName} · {formatDateTime(e.at)}
                </Typography.Text>
                {typeof e.detail?.reason === 'string' && <div>{e.detail.reason}</div>}
                {typeof e.detail?.note === 'string' && <div>{e.detail.note}</div>}
              </>
            ),
          }))}
        />
      </Card>
      {step && <StepModal s={s} step={step} onClose={() => setStep(null)} />}
      {paying && <PayModal s={s} onClose={() => setPaying(false)} />}
      {correcting && <CorrectModal s={s} line={correcting} onClose={() => setCorrecting(null)} />}
    </>
  );
}

/** Review, approve or close, with what it means spelled out before it is done. */
function StepModal({ s, step, onClose }: { s: PayoutStatement; step: Step; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const transition = useTransition();
  return (
    <FormModal<{ note?: string }>
      title={t(`payout.confirm.${step}`)}
      open
      onClose={onClose}
      okText={t(`payout.action.${step}`)}
      submit={async ({ note }) => {
        await transition.mutateAsync({ id: s.id, action: step, note: note?.trim() || undefined });
        void message.success(t('payout.done'));
      }}
    >
      <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }} items={[
        { key: 'who', label: t('payout.payee'), children: `${s.payeeName} · ${s.period}` },
        { key: 'total', label: t('payout.total'), children: `${yuan(s.totalFen)}（${t('payout.lineCount', { count: s.lines.length })}）` },
      ]} />
      <Alert type="warning" showIcon title={t(`payout.consequence.${step}`)} style={{ marginBottom: 16 }} />
      <Form.Item name="note" label={t('payout.note')} rules={[{ max: 500 }]}>
        <Input.TextArea rows={2} maxLength={500} showCount />
      </Form.Item>
    </FormModal>
  );
}

/** 登记付款: the voucher number and the scanned voucher (PDF, JPG or PNG). */
function PayModal({ s, onClose }: { s: PayoutStatement; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const pay = usePay();
  const [file, setFile] = useState<File | null>(null);
  return (
    <FormModal<{ voucherNo: string }>
      title={t('payout.confirm.pay')}
      open
      onClose={onClose}
      okText={t('payout.action.pay')}
      submit={async ({ voucherNo }) => {
        if (!file) throw new Error(t('payout.voucherFileRequired'));
        await pay.mutateAsync({ id: s.id, voucherNo: voucherNo.trim(), file });
        void message.success(t('payout.done'));
      }}
    >
      <Alert type="warning" showIcon title={t('payout.consequence.pay', { total: yuan(s.totalFen), payee: s.payeeName })} style={{ marginBottom: 16 }} />
      <Form.Item name="voucherNo" label={t('payout.voucherNo')} rules={[{ required: true, whitespace: true }, { max: 64 }]}>
        <Input maxLength={64} />
      </Form.Item>
      <Form.Item label={t('payout.voucherFile')} required>
        <Upload
          accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
          maxCount={1}
          beforeUpload={(f) => {
            setFile(f);
            return false;
          }}
          onRemove={() => setFile(null)}
        >
          <Button>{t('payout.chooseFile')}</Button>
        </Upload>
      </Form.Item>
    </FormModal>
  );
}

/** 更正: a reversing line with its reason, and optionally a replacement; where it lands depends on the statement's state. */
function CorrectModal({ s, line, onClose }: { s: PayoutStatement; line: PayoutLine; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const correct = useCorrect();
  const where = s.status === 'paid' || s.status === 'closed' ? 'nextPeriod' : s.status === 'approved' ? 'backToReviewed' : 'here';
  return (
    <FormModal<{ reason: string; quantity?: number | null; unitYuan?: number | null }>
      title={t('payout.correct')}
      open
      onClose={onClose}
      okText={t('payout.correct')}
      submit={async (v) => {
        const replace = v.quantity != null && v.unitYuan != null;
        const r = await correct.mutateAsync({
          id: s.id,
          lineId: line.id,
          reason: v.reason.trim(),
          replacement: replace ? { quantity: v.quantity!, unitFen: Math.round(v.unitYuan! * 100) } : undefined,
        });
        void message.success(t('payout.corrected', { period: r.period }));
      }}
    >
      <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }} items={[
        { key: 'line', label: t('payout.line.description'), children: line.description },
        { key: 'amount', label: t('payout.line.amount'), children: `${line.quantity} × ${yuan(line.unitFen)} = ${yuan(line.amountFen)}` },
      ]} />
      <Alert type="warning" showIcon title={t(`payout.correctWhere.${where}`)} style={{ marginBottom: 16 }} />
      <Form.Item name="reason" label={t('payout.reason')} rules={[{ required: true, whitespace: true }, { max: 500 }]}>
        <Input.TextArea rows={2} maxLength={500} showCount />
      </Form.Item>
      <Space>
        <Form.Item name="quantity" label={t('payout.replacementQuantity')}>
          <InputNumber min={0} precision={0} />
        </Form.Item>
        <Form.Item name="unitYuan" label={t('payout.replacementUnit')}>
          <InputNumber min={0} precision={2} step={1} />
        </Form.Item>
      </Space>
    </FormModal>
  );
}
