import { Alert, App, Button, Card, DatePicker, Descriptions, Form, Input, InputNumber, Progress, Select, Space, Statistic, Table, type TableColumnsType, Tabs, TimePicker, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { EMERGENCY_POSTS, HOUSEHOLD_STATUSES } from '#server/modules/grid/contract.ts';
import { formatDateTime } from '../../../../shared/format.ts';
import { useListParams } from '../../../../shared/list-params.ts';
import { ExportButton } from '../../../../workbench/components/ExportButton.tsx';
import { optionsOf } from '../../../../workbench/components/FilterBar.tsx';
import { FormModal } from '../../../../workbench/components/FormModal.tsx';
import { ListCard } from '../../../../workbench/components/ListCard.tsx';
import { PageHeader } from '../../../../workbench/components/PageHeader.tsx';
import { QueryView } from '../../../../workbench/components/QueryView.tsx';
import {
  type Declaration,
  download,
  E,
  type HouseholdRow,
  useAddRoster,
  useAssign,
  useCallUp,
  useCorrect,
  useCoverage,
  useDeclaration,
  useEnd,
  useHouseholds,
  useRemoveRoster,
  useReserve,
  useStartScreening,
  useUnassign,
  useVisitors,
} from '../api.ts';
import { HouseholdStatusTag, LevelTag, ModeTag, percent } from '../components/labels.tsx';

const FILTERS = ['q', 'status', 'buildingId'] as const;

/** 入户排查: the coverage (polled every 5 s) per building with progress bars, and the households' table. */
function ScreeningTab({ d }: { d: Declaration }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const live = d.status === 'active';
  const coverage = useCoverage(d.id, live);
  const list = useListParams(FILTERS);
  const rows = useHouseholds(d.id, list.query, live);
  const start = useStartScreening(d.id);
  const correct = useCorrect();
  const [correcting, setCorrecting] = useState<HouseholdRow | null>(null);
  if (!d.screening)
    return d.can.manage ? (
      <Button type="primary" loading={start.isPending} onClick={() => start.mutateAsync(undefined).catch((e: Error) => void message.error(e.message))}>
        {t('gridEmergency.screening.start')}
      </Button>
    ) : (
      <Typography.Text type="secondary">{t('gridEmergency.screening.notStarted')}</Typography.Text>
    );
  const c = coverage.data;
  const columns: TableColumnsType<HouseholdRow> = [
    { title: t('gridEmergency.col.building'), dataIndex: 'building' },
    { title: t('gridEmergency.col.unit'), dataIndex: 'unit' },
    { title: t('gridEmergency.col.room'), dataIndex: 'room', key: 'seq', sorter: true },
    { title: t('gridEmergency.col.status'), dataIndex: 'status', key: 'status', sorter: true, render: (v: HouseholdRow['status'], r) => (
      <Space size={4} wrap>
        <HouseholdStatusTag status={v} />
        {r.heldBy && <Typography.Text type="secondary">{t('gridEmergency.screening.heldBy', { name: r.heldBy })}</Typography.Text>}
      </Space>
    ) },
    { title: t('gridEmergency.col.need'), dataIndex: 'need', render: (v: string) => v || '—' },
    { title: t('gridEmergency.col.markedBy'), dataIndex: 'markedName', render: (v: string) => v || '—' },
    { title: t('gridEmergency.col.markedAt'), dataIndex: 'markedAt', key: 'markedAt', sorter: true, render: (v: string | null) => formatDateTime(v) || '—' },
    ...(d.can.manage ? [{ title: '', key: 'act', render: (_: unknown, r: HouseholdRow) => <Button size="small" onClick={() => setCorrecting(r)}>{t('gridEmergency.screening.correct')}</Button> }] : []),
  ];
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card>
        {c ? (
          <>
            <Space size="large" wrap>
              <Statistic title={t('gridEmergency.screening.covered')} value={c.total.covered} suffix={`/ ${c.total.households}`} />
              <Statistic title={t('gridEmergency.status.needs_help')} value={c.total.counts.needs_help} valueStyle={{ color: '#cf1322' }} />
              <Statistic title={t('gridEmergency.status.nobody_home')} value={c.total.counts.nobody_home} />
              <Statistic title={t('gridEmergency.status.refused')} value={c.total.counts.refused} />
            </Space>
            <p data-testid="coverage-total" style={{ fontSize: 18, margin: '12px 0' }}>
              {t('gridEmergency.screening.coverageText', { covered: c.total.covered, households: c.total.households })}（{percent(c.total.share)}%）
            </p>
            <Progress percent={percent(c.total.share)} />
            {c.buildings.map((b) => (
              <div key={b.buildingId} style={{ display: 'flex', gap: 12, alignItems: 'center' }} data-testid="coverage-building">
                <span style={{ minWidth: 120 }}>{b.building}</span>
                <Progress percent={percent(b.share)} style={{ flex: 1, margin: 0 }} />
                <span style={{ minWidth: 90 }}>{t('gridEmergency.screening.buildingText', { covered: b.covered, households: b.households })}</span>
              </div>
            ))}
            {live && <Typography.Text type="secondary">{t('gridEmergency.screening.live')}</Typography.Text>}
          </>
        ) : (
          <Typography.Text type="secondary">…</Typography.Text>
        )}
      </Card>
      <ListCard
        title={t('gridEmergency.screening.households')}
        intro={
          <div style={{ marginBottom: 12, textAlign: 'right' }}>
            <ExportButton total={rows.data?.total ?? 0} limit={20000} i18nPrefix="gridEmergency.screening" run={() => download(`${E}/declarations/${d.id}/households/export.xlsx`, list.query, `${t('gridEmergency.screening.title')}-${d.placeName}.xlsx`)} />
          </div>
        }
        list={list}
        query={rows}
        columns={columns}
        search={{ label: t('gridEmergency.screening.search') }}
        selects={[
          { field: 'status', label: t('gridEmergency.col.status'), options: optionsOf(HOUSEHOLD_STATUSES, (s) => t(`gridEmergency.status.${s}`)) },
          { field: 'buildingId', label: t('gridEmergency.col.building'), options: d.buildings.map((b) => ({ value: b.id, label: b.name })), width: 180 },
        ]}
        empty={{ none: t('gridEmergency.screening.none'), noMatch: t('gridEmergency.screening.noMatch') }}
      />
      {correcting && (
        <FormModal<{ status: string; need?: string; note: string }>
          title={t('gridEmergency.screening.correctTitle', { room: `${correcting.building}${correcting.unit}${correcting.room}` })}
          open
          onClose={() => setCorrecting(null)}
          initialValues={{ status: correcting.status, need: correcting.need }}
          submit={(v) => correct.mutateAsync({ id: correcting.id, ...v })}
        >
          <Form.Item name="status" label={t('gridEmergency.col.status')} rules={[{ required: true }]}>
            <Select options={optionsOf(HOUSEHOLD_STATUSES, (s) => t(`gridEmergency.status.${s}`))} />
          </Form.Item>
          <Form.Item name="need" label={t('gridEmergency.col.need')}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item name="note" label={t('gridEmergency.screening.correctNote')} rules={[{ required: true, whitespace: true }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </FormModal>
      )}
    </Space>
  );
}

/** 人员分配: each building's visitors; assign a building to a staff member or a volunteer. */
function AssignTab({ d }: { d: Declaration }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const visitors = useVisitors(d.id, d.can.manage);
  const assign = useAssign(d.id);
  const unassign = useUnassign();
  const [form] = Form.useForm<{ buildingId: string; visitor: string }>();
  if (!d.screening) return <Typography.Text type="secondary">{t('gridEmergency.screening.notStarted')}</Typography.Text>;
  const options = (visitors.data ?? []).map((v) => ({
    value: v.kind === 'staff' ? `a:${v.accountId}` : `p:${v.personId}`,
    label: `${v.name}（${t(`gridEmergency.visitorKind.${v.kind}`)}${v.detail ? ` · ${v.detail}` : ''}）`,
    disabled: !v.hasAccount,
  }));
  const submit = async (v: { buildingId: string; visitor: string }) => {
    const [kind, id] = v.visitor.split(':') as [string, string];
    try {
      await assign.mutateAsync({ buildingId: v.buildingId, ...(kind === 'a' ? { accountId: id } : { personId: id }) });
      void message.success(t('gridEmergency.assign.done'));
      form.resetFields(['visitor']);
    } catch (err) {
      void message.error((err as Error).message);
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {d.can.manage && (
        <Card title={t('gridEmergency.assign.title')}>
          <Form form={form} layout="inline" onFinish={submit} style={{ rowGap: 8 }}>
            <Form.Item name="buildingId" label={t('gridEmergency.assign.building')} rules={[{ required: true }]}>
              <Select style={{ width: 180 }} options={d.buildings.map((b) => ({ value: b.id, label: b.name }))} />
            </Form.Item>
            <Form.Item name="visitor" label={t('gridEmergency.assign.visitor')} rules={[{ required: true }]}>
              <Select style={{ width: 280 }} showSearch optionFilterProp="label" loading={visitors.isPending} options={options} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={assign.isPending}>
              {t('gridEmergency.assign.submit')}
            </Button>
          </Form>
        </Card>
      )}
      <Table
        rowKey="id"
        pagination={false}
        dataSource={d.buildings}
        locale={{ emptyText: t('gridEmergency.assign.none') }}
        columns={[
          { title: t('gridEmergency.col.building'), dataIndex: 'name' },
          { title: t('gridEmergency.assign.households'), dataIndex: 'households' },
          {
            title: t('gridEmergency.assign.visitors'),
            key: 'v',
            render: (_: unknown, b) => (
              <Space wrap>
                {d.assignments
                  .filter((a) => a.buildingId === b.id)
                  .map((a) => (
                    <span key={a.id} data-testid="assignment">
                      {a.visitorName}（{t(`gridEmergency.visitorKind.${a.kind}`)}）
                      {d.can.manage && (
                        <Button
                          type="link"
                          size="small"
                          onClick={() =>
                            modal.confirm({
                              title: t('gridEmergency.assign.removeTitle', { name: a.visitorName, building: b.name }),
                              okText: t('gridEmergency.ok'),
                              cancelText: t('common.cancel'),
                              onOk: () => unassign.mutateAsync(a.id).catch((e: Error) => void message.error(e.message)),
                            })
                          }
                        >
                          {t('gridEmergency.assign.remove')}
                        </Button>
                      )}
                    </span>
                  ))}
              </Space>
            ),
          },
        ]}
      />
    </Space>
  );
}

/** 值班表: by day and post; add (staff or volunteer, shift) and remove. */
function RosterTab({ d }: { d: Declaration }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const visitors = useVisitors(d.id, d.can.manage);
  const add = useAddRoster(d.id);
  const remove = useRemoveRoster();
  const [adding, setAdding] = useState(false);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {d.can.manage && (
        <Button type="primary" onClick={() => setAdding(true)}>
          {t('gridEmergency.roster.add')}
        </Button>
      )}
      <Table
        rowKey="id"
        pagination={false}
        dataSource={d.rosters}
        scroll={{ x: true }}
        locale={{ emptyText: t('gridEmergency.roster.none') }}
        columns={[
          { title: t('gridEmergency.roster.day'), dataIndex: 'day' },
          { title: t('gridEmergency.roster.post'), dataIndex: 'post', render: (v: string) => t(`gridEmergency.post.${v}`) },
          { title: t('gridEmergency.roster.who'), dataIndex: 'name' },
          { title: t('gridEmergency.roster.phone'), dataIndex: 'phoneMasked', render: (v: string) => v || '—' },
          { title: t('gridEmergency.roster.shift'), key: 's', render: (_: unknown, r) => `${r.shiftStart}–${r.shiftEnd}` },
          { title: t('gridEmergency.roster.note'), dataIndex: 'note' },
          ...(d.can.manage
            ? [{ title: '', key: 'x', render: (_: unknown, r: Declaration['rosters'][number]) => <Button type="link" onClick={() => remove.mutateAsync(r.id).catch((e: Error) => void message.error(e.message))}>{t('gridEmergency.roster.remove')}</Button> }]
            : []),
        ]}
      />
      {adding && (
        <FormModal<{ day: dayjs.Dayjs; post: string; who: string; shift: [dayjs.Dayjs, dayjs.Dayjs]; note?: string }>
          title={t('gridEmergency.roster.add')}
          open
          onClose={() => setAdding(false)}
          initialValues={{ day: dayjs(), post: 'watch' }}
          submit={(v) => {
            const [kind, id] = v.who.split(':') as [string, string];
            return add.mutateAsync({
              day: v.day.format('YYYY-MM-DD'),
              post: v.post,
              ...(kind === 'a' ? { accountId: id } : { personId: id }),
              shiftStart: v.shift[0].format('HH:mm'),
              shiftEnd: v.shift[1].format('HH:mm'),
              note: v.note ?? '',
            });
          }}
        >
          <Form.Item name="day" label={t('gridEmergency.roster.day')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="post" label={t('gridEmergency.roster.post')} rules={[{ required: true }]}>
            <Select options={EMERGENCY_POSTS.map((p) => ({ value: p, label: t(`gridEmergency.post.${p}`) }))} />
          </Form.Item>
          <Form.Item name="who" label={t('gridEmergency.roster.who')} rules={[{ required: true }]}>
            <Select
              showSearch
              optionFilterProp="label"
              options={(visitors.data ?? []).map((v) => ({ value: v.kind === 'staff' ? `a:${v.accountId}` : `p:${v.personId}`, label: `${v.name}（${t(`gridEmergency.visitorKind.${v.kind}`)}）` }))}
            />
          </Form.Item>
          <Form.Item name="shift" label={t('gridEmergency.roster.shift')} rules={[{ required: true }]}>
            <TimePicker.RangePicker format="HH:mm" minuteStep={15} />
          </Form.Item>
          <Form.Item name="note" label={t('gridEmergency.roster.note')}>
            <Input />
          </Form.Item>
        </FormModal>
      )}
    </Space>
  );
}

/** 志愿者召集: the call-ups with their slots, a new one (urgent to the place's volunteers), and the reserve share vs 15%. */
function CallUpTab({ d }: { d: Declaration }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const reserve = useReserve(d.id);
  const callUp = useCallUp(d.id);
  const [open, setOpen] = useState(false);
  const r = reserve.data;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card title={t('gridEmergency.reserve.title')}>
        {r ? (
          <Space size="large" wrap>
            <Statistic title={t('gridEmergency.reserve.volunteers')} value={r.volunteers} />
            <Statistic title={t('gridEmergency.reserve.residents')} value={r.residents} />
            <Statistic title={t('gridEmergency.reserve.share')} value={r.share === null ? '—' : percent(r.share)} suffix={r.share === null ? '' : '%'} valueStyle={{ color: r.share !== null && r.share >= r.target ? '#389e0d' : '#cf1322' }} />
            <Typography.Text>{t('gridEmergency.reserve.target', { target: percent(r.target) })}</Typography.Text>
          </Space>
        ) : (
          '…'
        )}
      </Card>
      {d.can.manage && (
        <Button type="primary" onClick={() => setOpen(true)}>
          {t('gridEmergency.callUp.new')}
        </Button>
      )}
      <Table
        rowKey="id"
        pagination={false}
        dataSource={d.callUps}
        scroll={{ x: true }}
        locale={{ emptyText: t('gridEmergency.callUp.none') }}
        columns={[
          { title: t('gridEmergency.callUp.task'), dataIndex: 'task' },
          { title: t('gridEmergency.callUp.slots'), key: 's', render: (_: unknown, c) => t('gridEmergency.callUp.taken', { taken: c.taken, slots: c.slots }) },
          { title: t('gridEmergency.callUp.meetAt'), dataIndex: 'meetAt', render: (v: string) => formatDateTime(v) },
          { title: t('gridEmergency.callUp.point'), dataIndex: 'meetingPoint' },
          { title: t('gridEmergency.callUp.accepted'), dataIndex: 'accepted', render: (v: string[]) => v.join('、') || '—' },
          { title: t('gridEmergency.callUp.notified'), dataIndex: 'notified' },
        ]}
      />
      {open && (
        <FormModal<{ task: string; slots: number; meetingPoint?: string; meetAt: dayjs.Dayjs }>
          title={t('gridEmergency.callUp.new')}
          open
          onClose={() => setOpen(false)}
          initialValues={{ slots: 5 }}
          okText={t('gridEmergency.callUp.send')}
          submit={async (v) => {
            const done = await callUp.mutateAsync({ task: v.task, slots: v.slots, meetingPoint: v.meetingPoint ?? '', meetAt: v.meetAt.toISOString() });
            void message.success(t('gridEmergency.callUp.sent', { count: done.notified }));
          }}
        >
          <Form.Item name="task" label={t('gridEmergency.callUp.task')} rules={[{ required: true, whitespace: true }, { max: 200 }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item name="slots" label={t('gridEmergency.callUp.slots')} rules={[{ required: true }]}>
            <InputNumber min={1} max={500} />
          </Form.Item>
          <Form.Item name="meetingPoint" label={t('gridEmergency.callUp.point')}>
            <Input />
          </Form.Item>
          <Form.Item name="meetAt" label={t('gridEmergency.callUp.meetAt')} rules={[{ required: true }]}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
          </Form.Item>
        </FormModal>
      )}
    </Space>
  );
}

/** 结束应急: the summary, behind a confirmation; after it every record is read-only. */
function EndTab({ d }: { d: Declaration }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const end = useEnd(d.id);
  const [form] = Form.useForm<{ summary: string }>();
  if (d.status === 'ended')
    return (
      <Descriptions column={1} bordered size="small">
        <Descriptions.Item label={t('gridEmergency.end.at')}>{formatDateTime(d.endedAt)}</Descriptions.Item>
        <Descriptions.Item label={t('gridEmergency.end.by')}>{d.endedByName}</Descriptions.Item>
        <Descriptions.Item label={t('gridEmergency.end.summary')}>{d.summary}</Descriptions.Item>
      </Descriptions>
    );
  if (!d.can.end) return <Typography.Text type="secondary">{t('gridEmergency.end.notYours')}</Typography.Text>;
  const onFinish = (v: { summary: string }) =>
    modal.confirm({
      title: t('gridEmergency.end.confirmTitle', { place: d.placeName }),
      content: t('gridEmergency.end.confirmContent'),
      okText: t('gridEmergency.ok'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await end.mutateAsync(v);
          void message.success(t('gridEmergency.end.done'));
        } catch (err) {
          void message.error((err as Error).message);
        }
      },
    });
  return (
    <Form form={form} layout="vertical" onFinish={onFinish} style={{ maxWidth: 560 }}>
      <Form.Item name="summary" label={t('gridEmergency.end.summary')} rules={[{ required: true, whitespace: true, message: t('gridEmergency.end.summaryRequired') }, { max: 500 }]}>
        <Input.TextArea rows={4} />
      </Form.Item>
      <Button danger type="primary" htmlType="submit">
        {t('gridEmergency.end.button')}
      </Button>
    </Form>
  );
}

/** One declaration: tabs 入户排查, 人员分配, 值班表, 志愿者召集, 结束应急. */
export function EmergencyPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const d = useDeclaration(id);
  return (
    <QueryView query={d}>
      {(x) => (
        <>
          <PageHeader
            title={`${x.placeName} · ${t('gridEmergency.detail.title')}`}
            tags={
              <Space size={4}>
                <ModeTag status={x.status} />
                <LevelTag level={x.level} />
              </Space>
            }
            extra={<Link to="/grid/emergency">{t('gridEmergency.detail.back')}</Link>}
          />
          {x.status === 'ended' && <Alert type="info" showIcon message={t('gridEmergency.detail.readOnly')} style={{ marginBottom: 12 }} />}
          {x.above.map((a) => (
            <Alert key={a.id} type="warning" showIcon style={{ marginBottom: 12 }} message={t('gridEmergency.detail.above', { place: a.placeName })} action={<Link to={`/grid/emergency/${a.id}`}>{t('gridEmergency.detail.open')}</Link>} />
          ))}
          <Card style={{ marginBottom: 12 }}>
            <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }}>
              <Descriptions.Item label={t('gridEmergency.col.reason')}>{x.reason}</Descriptions.Item>
              <Descriptions.Item label={t('gridEmergency.col.declaredAt')}>{formatDateTime(x.declaredAt)}</Descriptions.Item>
              <Descriptions.Item label={t('gridEmergency.detail.declaredBy')}>{x.declaredByName}</Descriptions.Item>
              <Descriptions.Item label={t('gridEmergency.detail.notified')}>{x.residentsNotified}</Descriptions.Item>
            </Descriptions>
          </Card>
          <Tabs
            items={[
              { key: 'screening', label: t('gridEmergency.tab.screening'), children: <ScreeningTab d={x} /> },
              { key: 'assign', label: t('gridEmergency.tab.assign'), children: <AssignTab d={x} /> },
              { key: 'roster', label: t('gridEmergency.tab.roster'), children: <RosterTab d={x} /> },
              { key: 'callUps', label: t('gridEmergency.tab.callUps'), children: <CallUpTab d={x} /> },
              { key: 'end', label: t('gridEmergency.tab.end'), children: <EndTab d={x} /> },
            ]}
          />
        </>
      )}
    </QueryView>
  );
}
