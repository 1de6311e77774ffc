import { App, Button, Card, DatePicker, Empty, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MEDIATOR_TITLES } from '#server/modules/grid/contract.ts';
import { formatDate, todayInShanghai } from '../../../../shared/format.ts';
import { FormModal } from '../../../../workbench/components/FormModal.tsx';
import { PageHeader } from '../../../../workbench/components/PageHeader.tsx';
import { QueryView } from '../../../../workbench/components/QueryView.tsx';
import { type Committee, useAddMediator, useCommittees, useCreateCommittee, useEndMediator } from '../api.ts';
import { FiguresCard } from '../components/FiguresCard.tsx';

/** 人民调解委员会: each committee I may read (the community's, the street's) with its mediators; its managers name and end mediators and set committees up. */
export function CommitteesPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const committees = useCommittees();
  const create = useCreateCommittee();
  const add = useAddMediator();
  const end = useEndMediator();
  const [creating, setCreating] = useState(false);
  const [adding, setAdding] = useState<Committee | null>(null);

  const endOne = (id: string, name: string) =>
    modal.confirm({
      title: t('gridMediation.committees.endTitle', { name }),
      okText: t('gridMediation.detail.ok'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await end.mutateAsync(id);
          void message.success(t('gridMediation.detail.done'));
        } catch (err) {
          void message.error((err as Error).message);
        }
      },
    });

  return (
    <QueryView query={committees}>
      {(data) => (
        <>
          <PageHeader
            title={t('gridMediation.committees.title')}
            extra={
              data.places.length > 0 && (
                <Button type="primary" onClick={() => setCreating(true)}>
                  {t('gridMediation.committees.create')}
                </Button>
              )
            }
          />
          {data.items.length === 0 && <Empty description={t('gridMediation.committees.none')} />}
          {data.items.map((c) => (
            <div key={c.id}>
              <FiguresCard placeId={c.placeId} placeName={c.placeName} />
              <Card
                title={
                  <Space>
                    {c.name}
                    <Tag>{t(`gridMediation.level.${c.level}`)}</Tag>
                    <Typography.Text type="secondary">{t('gridMediation.committees.openCases', { count: c.openCases })}</Typography.Text>
                  </Space>
                }
                extra={c.manages && <Button onClick={() => setAdding(c)}>{t('gridMediation.committees.addMediator')}</Button>}
                style={{ marginBottom: 24 }}
              >
                <Table
                  size="small"
                  rowKey="id"
                  pagination={false}
                  dataSource={c.mediators}
                  locale={{ emptyText: t('gridMediation.committees.noMediators') }}
                  columns={[
                    { title: t('gridMediation.committees.displayName'), dataIndex: 'name' },
                    { title: t('gridMediation.committees.title_'), dataIndex: 'title', render: (v: string) => t(`gridMediation.title.${v}`) },
                    { title: t('gridMediation.committees.fromOn'), dataIndex: 'fromOn', render: (v: string) => formatDate(v) },
                    { title: t('gridMediation.committees.untilOn'), dataIndex: 'untilOn', render: (v: string | null) => (v ? formatDate(v) : '—') },
                    { title: t('gridMediation.col.status'), dataIndex: 'current', render: (v: boolean) => (v ? <Tag color="green">{t('gridMediation.committees.current')}</Tag> : <Tag>{t('gridMediation.committees.ended')}</Tag>) },
                    {
                      title: '',
                      key: 'end',
                      render: (_: unknown, m) =>
                        c.manages &&
                        !m.untilOn && (
                          <Button size="small" danger onClick={() => endOne(m.id, m.name)}>
                            {t('gridMediation.committees.end')}
                          </Button>
                        ),
                    },
                  ]}
                />
              </Card>
            </div>
          ))}
          {creating && (
            <FormModal<{ placeId: string; name: string }> title={t('gridMediation.committees.create')} open okText={t('gridMediation.detail.ok')} onClose={() => setCreating(false)} submit={(v) => create.mutateAsync(v)}>
              <Form.Item name="placeId" label={t('gridMediation.committees.place')} rules={[{ required: true }]}>
                <Select options={data.places.map((p) => ({ value: p.id, label: p.name }))} />
              </Form.Item>
              <Form.Item name="name" label={t('gridMediation.committees.name')} rules={[{ required: true, whitespace: true, max: 60 }]}>
                <Input maxLength={60} />
              </Form.Item>
            </FormModal>
          )}
          {adding && (
            <FormModal<{ accountId: string; name: string; title: string; fromOn: dayjs.Dayjs }>
              title={`${t('gridMediation.committees.addMediator')} · ${adding.name}`}
              open
              okText={t('gridMediation.detail.ok')}
              initialValues={{ title: 'mediator', fromOn: dayjs(todayInShanghai()) }}
              onClose={() => setAdding(null)}
              submit={(v) => add.mutateAsync({ committeeId: adding.id, accountId: v.accountId, name: v.name, title: v.title, fromOn: v.fromOn.format('YYYY-MM-DD') })}
            >
              <Form.Item name="accountId" label={t('gridMediation.committees.account')} rules={[{ required: true }]}>
                <Select showSearch optionFilterProp="label" options={adding.candidates.map((a) => ({ value: a.accountId, label: a.name }))} />
              </Form.Item>
              <Form.Item name="name" label={t('gridMediation.committees.displayName')} rules={[{ required: true, whitespace: true, max: 60 }]}>
                <Input maxLength={60} />
              </Form.Item>
              <Form.Item name="title" label={t('gridMediation.committees.title_')} rules={[{ required: true }]}>
                <Select options={MEDIATOR_TITLES.map((x) => ({ value: x, label: t(`gridMediation.title.${x}`) }))} />
              </Form.Item>
              <Form.Item name="fromOn" label={t('gridMediation.committees.fromOn')} rules={[{ required: true }]}>
                <DatePicker allowClear={false} />
              </Form.Item>
            </FormModal>
          )}
        </>
      )}
    </QueryView>
  );
}
