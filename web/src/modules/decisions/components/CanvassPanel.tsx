import { PhoneOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Form, Input, Progress, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/format.ts';
import { useSignedIn } from '../../../shared/session.ts';
import { FormModal } from '../../../workbench/components/FormModal.tsx';
import { type CanvassPage, type Decision, mayDecisions, useCanvass, useRecordVisit } from '../api.ts';
import { fetchOwnerPhone } from '../proof/api.ts';
import '../proof/i18n.ts';

const OUTCOMES = ['voted_paper', 'will_vote_online', 'refused', 'away', 'wrong_contact'] as const;
type Row = CanvassPage['items'][number];
const m2 = (centi: number) => (Number(centi) / 100).toFixed(2);

/**
 * 扫楼: each building's progress toward its owners, and the owners who have not voted (the roll minus the voters)
 * with the last visit; a volunteer records each visit's outcome.
 */
export function CanvassPanel({ decision: d }: { decision: Decision }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [building, setBuilding] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const canvass = useCanvass(d.id, { page, pageSize: 10, building }, true);
  const record = useRecordVisit(d.id);
  const [visiting, setVisiting] = useState<Row | null>(null);
  const data = canvass.data;
  // 拨打: the full number is fetched (and audited) only on a tap, and only for the roles allowed to call owners.
  const mayCall = mayDecisions(useSignedIn(), 'callOwners');
  const [calling, setCalling] = useState<string | null>(null);
  const call = async (row: Row) => {
    setCalling(row.id);
    try {
      const { phone } = await fetchOwnerPhone(d.id, row.id);
      window.location.href = `tel:${phone}`;
    } catch (err) {
      void message.error(err instanceof Error ? err.message : t('decisionsProof.canvass.callFailed'));
    } finally {
      setCalling(null);
    }
  };
  return (
    <Card title={t('decisions.canvass.title')}>
      <Flex vertical gap={8} style={{ marginBottom: 16 }}>
        {(data?.buildings ?? []).map((b) => (
          <div key={b.building}>
            <Flex justify="space-between" gap={8}>
              <Typography.Text strong>{b.building}</Typography.Text>
              <Typography.Text type="secondary">
                {t('decisions.canvass.buildingLine', { voted: b.votedHeads, heads: b.heads, area: m2(b.votedAreaCenti), total: m2(b.areaCenti) })}
              </Typography.Text>
            </Flex>
            <Progress percent={b.heads ? Math.round((b.votedHeads * 100) / b.heads) : 0} style={{ margin: 0 }} />
          </div>
        ))}
      </Flex>
      <Select
        allowClear
        placeholder={t('decisions.canvass.allBuildings')}
        value={building}
        onChange={(v) => {
          setBuilding(v);
          setPage(1);
        }}
        options={(data?.buildings ?? []).map((b) => ({ value: b.building, label: b.building }))}
        style={{ width: 200, marginBottom: 12 }}
        aria-label={t('decisions.canvass.building')}
      />
      <Table<Row>
        rowKey="id"
        size="small"
        loading={canvass.isFetching}
        dataSource={data?.items ?? []}
        locale={{ emptyText: t('decisions.canvass.empty') }}
        pagination={{ current: page, pageSize: 10, total: data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        columns={[
          { title: t('decisions.canvass.no'), dataIndex: 'no', width: 70 },
          { title: t('decisions.canvass.rooms'), dataIndex: 'rooms', render: (r: string[] | null) => (r ?? []).join('、') },
          { title: t('decisions.canvass.owners'), dataIndex: 'label' },
          {
            title: t('decisionsProof.canvass.phone'),
            key: 'phone',
            render: (_: unknown, row) =>
              row.phoneMasked ? (
                <Flex gap={4} align="center" wrap={false}>
                  <Typography.Text style={{ whiteSpace: 'nowrap' }}>{row.phoneMasked}</Typography.Text>
                  {mayCall && (
                    <Button type="link" size="small" icon={<PhoneOutlined />} loading={calling === row.id} onClick={() => void call(row)}>
                      {t('decisionsProof.canvass.call')}
                    </Button>
                  )}
                </Flex>
              ) : (
                '—'
              ),
          },
          {
            title: t('decisions.canvass.lastVisit'),
            dataIndex: 'lastVisit',
            render: (v: Row['lastVisit']) => (v ? <><Tag>{t(`decisions.canvass.outcome.${v.outcome}`)}</Tag>{formatDateTime(v.at)}</> : '—'),
          },
          {
            title: '',
            key: 'act',
            width: 110,
            render: (_: unknown, row) => (
              <Button type="link" size="small" onClick={() => setVisiting(row)}>
                {t('decisions.canvass.record')}
              </Button>
            ),
          },
        ]}
      />
      <FormModal<{ outcome: string; note?: string }>
        title={t('decisions.canvass.recordTitle', { rooms: (visiting?.rooms ?? []).join('、') })}
        open={!!visiting}
        onClose={() => setVisiting(null)}
        okText={t('decisions.canvass.record')}
        initialValues={{ outcome: 'will_vote_online' }}
        submit={async (v) => {
          await record.mutateAsync({ entryId: visiting!.id, outcome: v.outcome, note: v.note?.trim() || undefined });
          void message.success(t('decisions.canvass.recorded'));
          setVisiting(null);
        }}
      >
        <Form.Item name="outcome" label={t('decisions.canvass.outcomeLabel')} rules={[{ required: true }]}>
          <Select options={OUTCOMES.map((o) => ({ value: o, label: t(`decisions.canvass.outcome.${o}`) }))} />
        </Form.Item>
        <Form.Item name="note" label={t('decisions.canvass.note')} rules={[{ max: 200 }]}>
          <Input />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
