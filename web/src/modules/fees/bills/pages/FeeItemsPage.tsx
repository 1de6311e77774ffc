import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Form, Input, InputNumber, Select, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BASIS_KINDS, FEE_CYCLES, FEE_KINDS } from '#server/modules/fees/contract.ts';
import { formatDateTime, todayInShanghai } from '../../../../shared/format.ts';
import { FormModal } from '../../../../workbench/components/FormModal.tsx';
import { PageHeader } from '../../../../workbench/components/PageHeader.tsx';
import { QueryView } from '../../../../workbench/components/QueryView.tsx';
import { type FeeItem, useCreateFeeItem, useFeeItems, useRequestPrice, useUpdateFeeItem, yuan } from '../api.ts';
import { CompoundPicker, useCompoundParam } from './CompoundPicker.tsx';

type Price = FeeItem['history'][number];
const unitOf = (kind: string) => (kind === 'area' ? '元/m²·月' : kind === 'one_off' ? '元/次' : '元/月');

/** 收费项目: a compound's items with the price in effect, the price history, a new item, a price change (approved by a second person). */
export function FeeItemsPage() {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const compound = useCompoundParam();
  const items = useFeeItems(compound.compoundId);
  const create = useCreateFeeItem();
  const update = useUpdateFeeItem();
  const requestPrice = useRequestPrice();
  const [adding, setAdding] = useState(false);
  const [pricing, setPricing] = useState<FeeItem | null>(null);

  const priceColumns: TableColumnsType<Price> = [
    { title: t('feesBills.price.unit'), key: 'unit', render: (_, p) => `${yuan(p.unitFen)}` },
    { title: t('feesBills.price.effectiveFrom'), dataIndex: 'effectiveFrom' },
    { title: t('feesBills.price.basisKind'), key: 'basis', render: (_, p) => `${t(`feesBills.basis.${p.basisKind}`)} ${p.basisRef}` },
    { title: t('feesBills.price.note'), dataIndex: 'basisNote', ellipsis: true },
    { title: t('feesBills.bills.status'), dataIndex: 'status', render: (s: Price['status']) => <Tag color={s === 'approved' ? 'green' : s === 'pending' ? 'gold' : 'red'}>{t(`feesBills.priceStatus.${s}`)}</Tag> },
    { title: t('feesBills.price.requestedBy'), key: 'req', render: (_, p) => `${p.requestedBy ?? ''} ${formatDateTime(p.requestedAt)}` },
    { title: t('feesBills.price.decidedBy'), key: 'dec', render: (_, p) => (p.decidedAt ? `${p.decidedBy ?? ''} ${formatDateTime(p.decidedAt)}` : '—') },
  ];

  const columns = (can: { configure: boolean }): TableColumnsType<FeeItem> => [
    { title: t('feesBills.items.name'), dataIndex: 'name', render: (v: string, i) => (i.active ? v : <Typography.Text delete>{v}</Typography.Text>) },
    { title: t('feesBills.items.kind'), dataIndex: 'kind', render: (k: string) => t(`feesBills.kind.${k}`) },
    { title: t('feesBills.items.cycle'), dataIndex: 'cycle', render: (c: string) => t(`feesBills.cycle.${c}`) },
    { title: t('feesBills.items.vacancyDiscount'), dataIndex: 'vacancyDiscountBp', render: (bp: number) => (bp ? `${bp / 100}%` : '—') },
    {
      title: t('feesBills.items.currentPrice'),
      key: 'price',
      render: (_, i) => (
        <Space direction="vertical" size={0}>
          {i.currentPrice ? `${yuan(i.currentPrice.unitFen)} ${unitOf(i.kind)}` : <Typography.Text type="secondary">{t('feesBills.items.noPrice')}</Typography.Text>}
          {i.nextPrice && <Typography.Text type="secondary">{`${t('feesBills.items.nextPrice')}：${yuan(i.nextPrice.unitFen)}（${i.nextPrice.effectiveFrom}）`}</Typography.Text>}
          {i.pending > 0 && <Tag color="gold">{t('feesBills.items.pendingCount', { count: i.pending })}</Tag>}
        </Space>
      ),
    },
    {
      title: '',
      key: 'actions',
      render: (_, i) =>
        can.configure && (
          <Space>
            {i.active && <Button size="small" onClick={() => setPricing(i)}>{t('feesBills.items.changePrice')}</Button>}
            <Button size="small" onClick={() => void update.mutateAsync({ id: i.id, active: !i.active }).then(() => message.success(t('feesBills.items.updated')))}>
              {i.active ? t('feesBills.items.deactivate') : t('feesBills.items.activate')}
            </Button>
          </Space>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('feesBills.items.title')}
        extra={
          <Space>
            <CompoundPicker value={compound} />
            {items.data?.can.configure && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
                {t('feesBills.items.new')}
              </Button>
            )}
          </Space>
        }
      />
      {!compound.compoundId ? (
        <Card>
          <Empty description={t('feesBills.chooseCompound')} />
        </Card>
      ) : (
        <QueryView query={items}>
          {(data) => (
            <Card title={data.compoundName}>
              <Table<FeeItem>
                rowKey="id"
                columns={columns(data.can)}
                dataSource={data.items}
                pagination={false}
                expandable={{ expandedRowRender: (i) => <Table<Price> rowKey="id" size="small" columns={priceColumns} dataSource={i.history} pagination={false} title={() => t('feesBills.items.history')} /> }}
              />
            </Card>
          )}
        </QueryView>
      )}
      <FormModal<{ name: string; kind: (typeof FEE_KINDS)[number]; cycle: (typeof FEE_CYCLES)[number]; discount?: number }>
        title={t('feesBills.items.new')}
        open={adding}
        onClose={() => setAdding(false)}
        initialValues={{ kind: 'area', cycle: 'month', discount: 0 }}
        submit={async (v) => {
          await create.mutateAsync({ compoundId: compound.compoundId!, name: v.name, kind: v.kind, cycle: v.kind === 'one_off' ? 'once' : v.cycle, vacancyDiscountBp: Math.round((v.discount ?? 0) * 100) });
          void message.success(t('feesBills.items.created'));
        }}
      >
        <Form.Item name="name" label={t('feesBills.items.name')} rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 50 }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="kind" label={t('feesBills.items.kind')} rules={[{ required: true }]}>
          <Select options={FEE_KINDS.map((k) => ({ value: k, label: t(`feesBills.kind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="cycle" label={t('feesBills.items.cycle')} rules={[{ required: true }]}>
          <Select options={FEE_CYCLES.filter((c) => c !== 'once').map((c) => ({ value: c, label: t(`feesBills.cycle.${c}`) }))} />
        </Form.Item>
        <Form.Item name="discount" label={t('feesBills.items.discountPercent')}>
          <InputNumber min={0} max={100} precision={2} />
        </Form.Item>
      </FormModal>
      <FormModal<{ unitYuan: string; effectiveFrom: string; basisKind: (typeof BASIS_KINDS)[number]; basisRef: string; note?: string }>
        title={t('feesBills.price.title', { name: pricing?.name ?? '' })}
        open={!!pricing}
        onClose={() => setPricing(null)}
        initialValues={{ effectiveFrom: todayInShanghai(), basisKind: 'contract' }}
        submit={async (v) => {
          const ok = await modal.confirm({
            title: t('feesBills.price.confirmTitle'),
            content: t('feesBills.price.confirm', { name: pricing!.name, date: v.effectiveFrom, unit: v.unitYuan }),
          });
          if (!ok) throw new Error(t('feesBills.notSubmitted'));
          await requestPrice.mutateAsync({ id: pricing!.id, ...v });
          void message.success(t('feesBills.price.requested'));
        }}
      >
        <Form.Item name="unitYuan" label={t('feesBills.price.unit')} extra={t('feesBills.price.unitHint')} rules={[{ required: true, pattern: /^\d{1,7}(\.\d{1,2})?$/, message: t('validation.required') }]}>
          <Input inputMode="decimal" />
        </Form.Item>
        <Form.Item name="effectiveFrom" label={t('feesBills.price.effectiveFrom')} extra={t('feesBills.price.effectiveHint')} rules={[{ required: true }]}>
          <Input type="date" min={todayInShanghai()} />
        </Form.Item>
        <Form.Item name="basisKind" label={t('feesBills.price.basisKind')} rules={[{ required: true }]}>
          <Select options={BASIS_KINDS.map((k) => ({ value: k, label: t(`feesBills.basis.${k}`) }))} />
        </Form.Item>
        <Form.Item name="basisRef" label={t('feesBills.price.basisRef')} rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 100 }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="note" label={t('feesBills.price.note')} rules={[{ max: 500 }]}>
          <Input.TextArea maxLength={500} rows={2} />
        </Form.Item>
      </FormModal>
    </>
  );
}
