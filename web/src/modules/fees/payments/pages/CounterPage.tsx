import { App, Button, Card, Checkbox, Form, Input, Radio, Result, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../../workbench/components/PageHeader.tsx';
import { PlaceTreeSelect } from '../../../registry/index.ts';
import { type RoomBills, useCounterPayment, useRoomBills, yuan } from '../api.ts';

const ROOM_KINDS = ['street', 'community', 'grid', 'compound', 'building', 'unit', 'room'] as const;

/** 柜台收款: pick a room, tick its open bills, take cash or POS with the voucher number; the receipt number answers. */
export function CounterPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [roomId, setRoomId] = useState<string | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const [done, setDone] = useState<{ receiptNo: string; paymentNo: string; duplicate: boolean } | null>(null);
  const bills = useRoomBills(roomId);
  const pay = useCounterPayment();
  const [form] = Form.useForm<{ channel: 'cash' | 'pos'; voucherNo: string; payerName?: string }>();
  const items: RoomBills['items'] = bills.data?.items ?? [];
  const total = items.filter((b) => chosen.includes(b.id)).reduce((s, b) => s + b.dueFen, 0);

  const submit = async (v: { channel: 'cash' | 'pos'; voucherNo: string; payerName?: string }) => {
    try {
      const r = await pay.mutateAsync({ roomId: roomId!, billIds: chosen, channel: v.channel, voucherNo: v.voucherNo, amountFen: total, ...(v.payerName ? { payerName: v.payerName } : {}) });
      setDone({ receiptNo: r.receiptNo, paymentNo: r.paymentNo, duplicate: r.duplicate });
      setChosen([]);
      form.resetFields(['voucherNo', 'payerName']);
    } catch (err) {
      void message.error((err as Error).message);
    }
  };

  return (
    <>
      <PageHeader title={t('feesPayments.counter.title')} />
      <Card>
        <Space direction="vertical" style={{ width: '100%' }} size="large">
          <Form.Item label={t('feesPayments.counter.room')} style={{ marginBottom: 0 }}>
            <PlaceTreeSelect
              kinds={ROOM_KINDS}
              value={roomId ?? undefined}
              onChange={(v) => {
                setRoomId((v as string | undefined) ?? null);
                setChosen([]);
                setDone(null);
              }}
              style={{ width: 360 }}
            />
          </Form.Item>
          {roomId && (
            <Table
              rowKey="id"
              size="small"
              loading={bills.isPending}
              pagination={false}
              dataSource={items}
              locale={{ emptyText: t('feesPayments.counter.noBills') }}
              columns={[
                {
                  key: 'pick',
                  width: 48,
                  render: (_, b) => <Checkbox aria-label={b.periodLabel} checked={chosen.includes(b.id)} onChange={(e) => setChosen((c) => (e.target.checked ? [...c, b.id] : c.filter((x) => x !== b.id)))} />,
                },
                { title: t('feesPayments.field.period'), dataIndex: 'periodLabel' },
                { title: t('feesPayments.field.payerKind'), dataIndex: 'payerKind', render: (v: string) => t(`feesPayments.payerKind.${v}`) },
                { title: t('feesPayments.field.dueOn'), dataIndex: 'dueOn' },
                { title: t('feesPayments.field.due'), dataIndex: 'dueFen', align: 'right', render: (v: number) => yuan(v) },
              ]}
            />
          )}
          {roomId && (
            <Form form={form} layout="inline" initialValues={{ channel: 'cash' }} onFinish={submit}>
              <Form.Item name="channel" label={t('feesPayments.field.channel')}>
                <Radio.Group options={[{ value: 'cash', label: t('feesPayments.channel.cash') }, { value: 'pos', label: t('feesPayments.channel.pos') }]} />
              </Form.Item>
              <Form.Item name="voucherNo" label={t('feesPayments.field.voucher')} rules={[{ required: true, whitespace: true, message: t('validation.required') }, { pattern: /^[\w-]+$/, message: t('feesPayments.counter.voucherHelp') }]}>
                <Input maxLength={64} style={{ width: 200 }} />
              </Form.Item>
              <Form.Item name="payerName" label={t('feesPayments.field.payer')}>
                <Input maxLength={30} style={{ width: 120 }} />
              </Form.Item>
              <Form.Item>
                <Button type="primary" htmlType="submit" disabled={chosen.length === 0} loading={pay.isPending}>
                  {t('feesPayments.counter.take', { amount: yuan(total) })}
                </Button>
              </Form.Item>
            </Form>
          )}
          {done && (
            <Result
              status={done.duplicate ? 'info' : 'success'}
              title={done.duplicate ? t('feesPayments.counter.duplicate') : t('feesPayments.counter.done')}
              subTitle={t('feesPayments.counter.receipt', { receiptNo: done.receiptNo, paymentNo: done.paymentNo })}
            />
          )}
        </Space>
      </Card>
    </>
  );
}
