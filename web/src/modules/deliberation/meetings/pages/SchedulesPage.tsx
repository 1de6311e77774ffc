import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, Form, Input, InputNumber, Radio, Result, Select, Space, Switch, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BUILDING_LEADERS, CONVENER_KINDS, MEETING_KINDS, MEETING_LOCATION_MAX, MEETING_TITLE_MAX, type ConvenerKind } from '#server/modules/deliberation/contract.ts';
import { useListParams } from '../../../../shared/list-params.ts';
import { useSignedIn } from '../../../../shared/session.ts';
import { FormModal } from '../../../../workbench/components/FormModal.tsx';
import { ListCard } from '../../../../workbench/components/ListCard.tsx';
import { PageHeader, ScopeNote } from '../../../../workbench/components/PageHeader.tsx';
import { useScope } from '../../../../workbench/scope.tsx';
import { PlaceTreeSelect } from '../../../registry/index.ts';
import { mayMeetings, type ScheduleRow, useCreateSchedule, useDeleteSchedule, usePreview, useSchedules, useUpdateSchedule } from '../api.ts';
import '../i18n.ts';

const FILTERS = ['q'] as const;

/** 例会安排: recurring meetings (monthly on day N, weekly on weekday W) that the job puts on the calendar a week ahead. */
export function SchedulesPage() {
  const { t } = useTranslation();
  const me = useSignedIn();
  const { modal } = App.useApp();
  const { scope } = useScope();
  const list = useListParams(FILTERS);
  const schedules = useSchedules({ ...list.query, placeId: scope?.id });
  const update = useUpdateSchedule();
  const remove = useDeleteSchedule();
  const [creating, setCreating] = useState(false);
  if (!mayMeetings(me, 'read')) return <Result status="403" title={t('deliberationMeetings.noAccess')} />;
  const manage = mayMeetings(me, 'manage');
  const rule = (s: ScheduleRow) =>
    s.frequency === 'monthly'
      ? t('deliberationMeetings.schedules.monthlyRule', { day: s.day, time: s.atTime })
      : t('deliberationMeetings.schedules.weeklyRule', { weekday: t(`deliberationMeetings.weekday.${s.day}`), time: s.atTime });
  const columns: TableColumnsType<ScheduleRow> = [
    { title: t('deliberationMeetings.field.title'), dataIndex: 'title', sorter: true, ellipsis: true },
    { title: t('deliberationMeetings.field.kind'), dataIndex: 'kind', render: (k: string) => t(`deliberationMeetings.kind.${k}`) },
    { title: t('deliberationMeetings.field.placeShort'), key: 'place', sorter: true, render: (_, s) => s.placeLabel },
    { title: t('deliberationMeetings.schedules.rule'), key: 'rule', render: (_, s) => rule(s) },
    { title: t('deliberationMeetings.field.location'), dataIndex: 'location', ellipsis: true },
    {
      title: t('deliberationMeetings.field.active'),
      key: 'active',
      render: (_, s) => (
        <Switch checked={s.active} disabled={!manage} aria-label={`${t('deliberationMeetings.field.active')} ${s.title}`} onChange={(active) => void update.mutateAsync({ id: s.id, body: { active } })} />
      ),
    },
    ...(manage
      ? [
          {
            title: '',
            key: 'actions',
            render: (_: unknown, s: ScheduleRow) => (
              <Button
                size="small"
                danger
                onClick={() =>
                  modal.confirm({ title: t('deliberationMeetings.schedules.deleteConfirm'), okText: t('deliberationMeetings.schedules.delete'), cancelText: t('common.cancel'), onOk: () => remove.mutateAsync(s.id) })
                }
              >
                {t('deliberationMeetings.schedules.delete')}
              </Button>
            ),
          },
        ]
      : []),
  ];
  return (
    <>
      <PageHeader
        title={t('deliberationMeetings.menu.schedules')}
        tags={<ScopeNote />}
        extra={
          manage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('deliberationMeetings.schedules.create')}
            </Button>
          )
        }
      />
      <ListCard
        list={list}
        query={schedules}
        columns={columns}
        intro={<Typography.Text type="secondary">{t('deliberationMeetings.schedules.hint')}</Typography.Text>}
        empty={{ none: t('deliberationMeetings.schedules.none'), noMatch: t('deliberationMeetings.list.noMatch') }}
        search={{ label: t('deliberationMeetings.list.search'), width: 260 }}
      />
      <CreateScheduleModal open={creating} onClose={() => setCreating(false)} />
    </>
  );
}

interface Values {
  placeId: string;
  title: string;
  kind: string;
  convenerKind: ConvenerKind;
  convenerOrgId: string;
  bodies: string[];
  frequency: 'monthly' | 'weekly';
  day: number;
  atTime: string;
  location: string;
}

function CreateScheduleModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateSchedule();
  return (
    <FormModal<Values>
      title={t('deliberationMeetings.schedules.create')}
      open={open}
      onClose={onClose}
      width={720}
      initialValues={{ kind: 'three_carriages', convenerKind: 'party_org', frequency: 'monthly', day: 10, atTime: '19:30', bodies: [] }}
      fieldForCode={{ PLACE_NOT_FOUND: 'placeId', MEETING_PLACE_KIND: 'placeId', CONVENER_NOT_FOUND: 'convenerOrgId', BODY_NOT_FOUND: 'bodies' }}
      submit={(v) => create.mutateAsync(v as never)}
    >
      <ScheduleFields />
    </FormModal>
  );
}

function ScheduleFields() {
  const { t } = useTranslation();
  const form = Form.useFormInstance<Values>();
  const placeId = Form.useWatch('placeId', form);
  const convenerKind = Form.useWatch('convenerKind', form);
  const frequency = Form.useWatch('frequency', form);
  const preview = usePreview(placeId, []);
  const available = preview.data?.bodies ?? [];
  return (
    <>
      <Form.Item name="placeId" label={t('deliberationMeetings.field.place')} rules={[{ required: true }]}>
        <PlaceTreeSelect kinds={['street', 'community', 'grid', 'compound']} aria-label={t('deliberationMeetings.field.place')} />
      </Form.Item>
      <Form.Item name="title" label={t('deliberationMeetings.field.title')} rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={MEETING_TITLE_MAX} />
      </Form.Item>
      <Form.Item name="kind" label={t('deliberationMeetings.field.kind')}>
        <Radio.Group options={MEETING_KINDS.map((k) => ({ value: k, label: t(`deliberationMeetings.kind.${k}`) }))} />
      </Form.Item>
      <Form.Item name="convenerKind" label={t('deliberationMeetings.field.convenerKind')}>
        <Radio.Group options={CONVENER_KINDS.map((k) => ({ value: k, label: t(`deliberationMeetings.convenerKind.${k}`) }))} onChange={() => form.setFieldValue('convenerOrgId', undefined)} />
      </Form.Item>
      <Form.Item name="convenerOrgId" label={t('deliberationMeetings.field.convenerOrg')} rules={[{ required: true }]}>
        <Select aria-label={t('deliberationMeetings.field.convenerOrg')} options={available.filter((b) => b.kind === convenerKind).map((b) => ({ value: b.key, label: b.name }))} />
      </Form.Item>
      <Form.Item name="bodies" label={t('deliberationMeetings.field.bodies')} rules={[{ required: true, type: 'array', min: 1 }]}>
        <Checkbox.Group options={available.map((b) => ({ value: b.key, label: b.key === BUILDING_LEADERS ? t('deliberationMeetings.create.buildingLeaders') : b.name }))} />
      </Form.Item>
      <Space wrap>
        <Form.Item name="frequency" label={t('deliberationMeetings.field.frequency')}>
          <Radio.Group options={(['monthly', 'weekly'] as const).map((f) => ({ value: f, label: t(`deliberationMeetings.frequency.${f}`) }))} onChange={() => form.setFieldValue('day', 1)} />
        </Form.Item>
        <Form.Item name="day" label={t('deliberationMeetings.field.day')} rules={[{ required: true }]}>
          {frequency === 'weekly' ? (
            <Select style={{ width: 120 }} options={[1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: d, label: t(`deliberationMeetings.weekday.${d}`) }))} />
          ) : (
            <InputNumber min={1} max={28} precision={0} />
          )}
        </Form.Item>
        <Form.Item name="atTime" label={t('deliberationMeetings.field.atTime')} rules={[{ required: true, pattern: /^([01][0-9]|2[0-3]):[0-5][0-9]$/ }]}>
          <Input style={{ width: 100 }} placeholder="19:30" />
        </Form.Item>
      </Space>
      <Form.Item name="location" label={t('deliberationMeetings.field.location')} rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={MEETING_LOCATION_MAX} />
      </Form.Item>
    </>
  );
}
