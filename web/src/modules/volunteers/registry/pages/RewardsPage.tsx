import { App, Button, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Switch, type TableColumnsType, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { formatDateTime } from '../../../../shared/format.ts';
import { useListParams } from '../../../../shared/list-params.ts';
import { ExportButton } from '../../../../workbench/components/ExportButton.tsx';
import { ListCard } from '../../../../workbench/components/ListCard.tsx';
import { PageHeader, ScopeNote } from '../../../../workbench/components/PageHeader.tsx';
import { useScope } from '../../../../workbench/scope.tsx';
import { download, type RedemptionRow, type RewardRow, useHandOver, useRedemptions, useRewards, useSaveReward } from '../api.ts';
import { usePlaceOptions } from '../components/usePlaceOptions.ts';
import '../i18n.ts';

/** 积分奖品: the rewards my community lists for points (add, change, withdraw) and the redemptions to hand over. */
export function RewardsPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const tab = search.get('tab') ?? 'rewards';
  return (
    <>
      <PageHeader title={t('volRegistry.rewards.title')} tags={<ScopeNote />} />
      <Tabs
        activeKey={tab}
        onChange={(k) => setSearch({ tab: k }, { replace: true })}
        destroyOnHidden
        items={[
          { key: 'rewards', label: t('volRegistry.rewards.tab'), children: <RewardsTab /> },
          { key: 'redemptions', label: t('volRegistry.redemptions.tab'), children: <RedemptionsTab /> },
        ]}
      />
    </>
  );
}

function RewardsTab() {
  const { t } = useTranslation();
  const { scope } = useScope();
  const list = useListParams(['q', 'active'] as const);
  const rewards = useRewards({ ...list.query, placeId: scope?.id });
  const places = usePlaceOptions();
  const [editing, setEditing] = useState<RewardRow | 'new' | null>(null);
  const columns: TableColumnsType<RewardRow> = [
    { title: t('volRegistry.rewards.name'), dataIndex: 'name', key: 'name', sorter: true },
    { title: t('volRegistry.rewards.place'), dataIndex: 'placeName' },
    { title: t('volRegistry.rewards.points'), dataIndex: 'points', key: 'points', sorter: true },
    { title: t('volRegistry.rewards.stock'), dataIndex: 'stock', key: 'stock', sorter: true },
    { title: t('volRegistry.rewards.active'), dataIndex: 'active', render: (v: boolean) => <Tag color={v ? 'green' : 'default'}>{v ? t('volRegistry.rewards.on') : t('volRegistry.rewards.off')}</Tag> },
    { title: t('volRegistry.rewards.createdAt'), dataIndex: 'createdAt', key: 'createdAt', sorter: true, render: (v: string) => formatDateTime(v) },
    { title: t('volRegistry.col.actions'), key: 'actions', render: (_, r) => r.canManage && <Button size="small" onClick={() => setEditing(r)}>{t('volRegistry.rewards.edit')}</Button> },
  ];
  return (
    <>
      {places.canManage && (
        <Space style={{ marginBottom: 12 }}>
          <Button type="primary" onClick={() => setEditing('new')}>
            {t('volRegistry.rewards.add')}
          </Button>
        </Space>
      )}
      <ListCard
        list={list}
        query={rewards}
        columns={columns}
        search={{ label: t('volRegistry.rewards.search') }}
        selects={[{ field: 'active', label: t('volRegistry.rewards.active'), options: [{ value: 'true', label: t('volRegistry.rewards.on') }, { value: 'false', label: t('volRegistry.rewards.off') }] }]}
        empty={{ none: t('volRegistry.rewards.none'), noMatch: t('volRegistry.page.noMatch') }}
      />
      {editing && <RewardModal reward={editing === 'new' ? null : editing} places={places.options} onClose={() => setEditing(null)} />}
    </>
  );
}

function RewardModal({ reward, places, onClose }: { reward: RewardRow | null; places: { value: string; label: string }[]; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ placeId: string; name: string; description: string; points: number; stock: number; active: boolean }>();
  const save = useSaveReward();
  return (
    <Modal
      open
      title={reward ? t('volRegistry.rewards.edit') : t('volRegistry.rewards.add')}
      okText={t('volRegistry.teams.save')}
      cancelText={t('volRegistry.review.cancel')}
      okButtonProps={{ loading: save.isPending }}
      onCancel={onClose}
      onOk={() =>
        form.validateFields().then((v) =>
          save.mutateAsync({ id: reward?.id, ...v, description: v.description ?? '' }).then(
            () => (void message.success(t('volRegistry.rewards.saved')), onClose()),
            (e: Error) => void message.error(e.message),
          ),
        )
      }
    >
      <Form form={form} layout="vertical" initialValues={reward ? { name: reward.name, description: reward.description, points: reward.points, stock: reward.stock, active: reward.active } : { active: true, stock: 10 }}>
        {!reward && (
          <Form.Item name="placeId" label={t('volRegistry.rewards.place')} rules={[{ required: true, message: t('volRegistry.teams.placeRequired') }]}>
            <Select options={places} placeholder={t('volRegistry.rewards.place')} />
          </Form.Item>
        )}
        <Form.Item name="name" label={t('volRegistry.rewards.name')} rules={[{ required: true, whitespace: true, message: t('volRegistry.rewards.nameRequired') }, { max: 60 }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="description" label={t('volRegistry.rewards.description')} rules={[{ max: 500 }]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Space size="large">
          <Form.Item name="points" label={t('volRegistry.rewards.points')} rules={[{ required: true, message: t('volRegistry.rewards.pointsRequired') }]}>
            <InputNumber min={1} max={100000} precision={0} />
          </Form.Item>
          <Form.Item name="stock" label={t('volRegistry.rewards.stock')} rules={[{ required: true, message: t('volRegistry.rewards.stockRequired') }]}>
            <InputNumber min={0} max={100000} precision={0} />
          </Form.Item>
          <Form.Item name="active" label={t('volRegistry.rewards.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}

function RedemptionsTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { scope } = useScope();
  const list = useListParams(['q', 'status'] as const);
  const query = { ...list.query, placeId: scope?.id };
  const redemptions = useRedemptions(query);
  const handOver = useHandOver();
  const columns: TableColumnsType<RedemptionRow> = [
    { title: t('volRegistry.redemptions.person'), dataIndex: 'personName', key: 'name', sorter: true },
    { title: t('volRegistry.redemptions.reward'), dataIndex: 'rewardName', key: 'reward', sorter: true },
    { title: t('volRegistry.rewards.place'), dataIndex: 'placeName' },
    { title: t('volRegistry.rewards.points'), dataIndex: 'points', key: 'points', sorter: true },
    { title: t('volRegistry.redemptions.at'), dataIndex: 'createdAt', key: 'createdAt', sorter: true, render: (v: string) => formatDateTime(v) },
    {
      title: t('volRegistry.col.status'),
      dataIndex: 'status',
      render: (v: RedemptionRow['status'], r) => <Tag color={v === 'handed_over' ? 'green' : 'gold'}>{t(`volRegistry.redemptions.status.${v}`)}{r.handedAt ? ` · ${formatDateTime(r.handedAt)}` : ''}</Tag>,
    },
    {
      title: t('volRegistry.col.actions'),
      key: 'actions',
      render: (_, r) =>
        r.canManage &&
        r.status === 'redeemed' && (
          <Popconfirm
            title={t('volRegistry.redemptions.confirm', { name: r.personName, reward: r.rewardName })}
            okText={t('volRegistry.review.ok')}
            cancelText={t('volRegistry.review.cancel')}
            onConfirm={() => handOver.mutateAsync(r.id).then(() => void message.success(t('volRegistry.redemptions.done')), (e: Error) => void message.error(e.message))}
          >
            <Button size="small" type="primary">
              {t('volRegistry.redemptions.handOver')}
            </Button>
          </Popconfirm>
        ),
    },
  ];
  return (
    <ListCard
      list={list}
      query={redemptions}
      columns={columns}
      search={{ label: t('volRegistry.redemptions.search') }}
      selects={[
        {
          field: 'status',
          label: t('volRegistry.col.status'),
          options: (['redeemed', 'handed_over'] as const).map((s) => ({ value: s, label: t(`volRegistry.redemptions.status.${s}`) })),
        },
      ]}
      intro={
        <Space style={{ marginBottom: 12 }}>
          <ExportButton total={redemptions.data?.total ?? 0} limit={20000} i18nPrefix="volRegistry.page" run={() => download('/api/volunteers/redemptions/export.xlsx', query, `${t('volRegistry.redemptions.tab')}.xlsx`)} />
        </Space>
      }
      empty={{ none: t('volRegistry.redemptions.none'), noMatch: t('volRegistry.page.noMatch') }}
    />
  );
}
