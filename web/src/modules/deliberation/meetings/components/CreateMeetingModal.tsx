import { Checkbox, DatePicker, Empty, Form, Input, Radio, Select, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { BUILDING_LEADERS, CONVENER_KINDS, MEETING_KINDS, MEETING_LOCATION_MAX, MEETING_TITLE_MAX, type ConvenerKind } from '#server/modules/deliberation/contract.ts';
import { FormModal } from '../../../../workbench/components/FormModal.tsx';
import { PlaceTreeSelect } from '../../../registry/index.ts';
import { useAgendaCandidates, useCreateMeeting, usePreview } from '../api.ts';
import { AttendeePositions } from './AttendeePositions.tsx';
import '../i18n.ts';

interface Values {
  placeId: string;
  title: string;
  kind: string;
  convenerKind: ConvenerKind;
  convenerOrgId: string;
  startsAt: Dayjs;
  location: string;
  bodies: string[];
  itemIds?: string[];
}

/**
 * 召集会议: place, convener, kind, time, location, the bodies to invite — with a live preview of who that invites
 * (one row per person, every post they hold: 交叉任职) — and the items in consultation to put on the agenda.
 */
export function CreateMeetingModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateMeeting();
  const navigate = useNavigate();
  return (
    <FormModal<Values>
      title={t('deliberationMeetings.create.title')}
      okText={t('deliberationMeetings.create.ok')}
      open={open}
      onClose={onClose}
      width={820}
      initialValues={{ kind: 'joint', convenerKind: 'party_org', bodies: [], startsAt: dayjs().add(3, 'day').hour(19).minute(30).second(0) }}
      fieldForCode={{ PLACE_NOT_FOUND: 'placeId', MEETING_PLACE_KIND: 'placeId', CONVENER_NOT_FOUND: 'convenerOrgId', BODY_NOT_FOUND: 'bodies', STARTS_IN_PAST: 'startsAt', ITEM_NOT_CONSULTING: 'itemIds', ITEM_ON_AGENDA: 'itemIds' }}
      submit={async (v) => {
        const { id } = await create.mutateAsync({ ...v, startsAt: v.startsAt.toISOString(), itemIds: v.itemIds ?? [] } as never);
        void navigate(`/deliberation/meetings/${id}`);
      }}
    >
      <Fields />
    </FormModal>
  );
}

function Fields() {
  const { t } = useTranslation();
  const form = Form.useFormInstance<Values>();
  const placeId = Form.useWatch('placeId', form);
  const convenerKind = Form.useWatch('convenerKind', form);
  const bodies = Form.useWatch('bodies', form) ?? [];
  const convenerOrgId = Form.useWatch('convenerOrgId', form);
  const preview = usePreview(placeId, [...new Set([...bodies, ...(convenerOrgId ? [convenerOrgId] : [])])]);
  const candidates = useAgendaCandidates(placeId);
  const available = preview.data?.bodies ?? [];
  const bodyLabel = (b: { key: string; name: string; kind: string }) => (b.key === BUILDING_LEADERS ? t('deliberationMeetings.create.buildingLeaders') : b.name);
  return (
    <>
      <Form.Item name="placeId" label={t('deliberationMeetings.field.place')} rules={[{ required: true }]}>
        <PlaceTreeSelect kinds={['street', 'community', 'grid', 'compound']} aria-label={t('deliberationMeetings.field.place')} />
      </Form.Item>
      <Form.Item name="title" label={t('deliberationMeetings.field.title')} rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={MEETING_TITLE_MAX} showCount />
      </Form.Item>
      <Form.Item name="kind" label={t('deliberationMeetings.field.kind')} rules={[{ required: true }]}>
        <Radio.Group options={MEETING_KINDS.map((k) => ({ value: k, label: t(`deliberationMeetings.kind.${k}`) }))} />
      </Form.Item>
      <Form.Item name="convenerKind" label={t('deliberationMeetings.field.convenerKind')} rules={[{ required: true }]}>
        <Radio.Group options={CONVENER_KINDS.map((k) => ({ value: k, label: t(`deliberationMeetings.convenerKind.${k}`) }))} onChange={() => form.setFieldValue('convenerOrgId', undefined)} />
      </Form.Item>
      <Form.Item name="convenerOrgId" label={t('deliberationMeetings.field.convenerOrg')} rules={[{ required: true }]}>
        <Select
          aria-label={t('deliberationMeetings.field.convenerOrg')}
          options={available.filter((b) => b.kind === convenerKind).map((b) => ({ value: b.key, label: b.name }))}
          notFoundContent={t('deliberationMeetings.create.chooseBodies')}
        />
      </Form.Item>
      <Form.Item name="startsAt" label={t('deliberationMeetings.field.startsAt')} rules={[{ required: true }]}>
        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" aria-label={t('deliberationMeetings.field.startsAt')} />
      </Form.Item>
      <Form.Item name="location" label={t('deliberationMeetings.field.location')} rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={MEETING_LOCATION_MAX} />
      </Form.Item>
      <Form.Item name="bodies" label={t('deliberationMeetings.field.bodies')} rules={[{ required: true, type: 'array', min: 1 }]}>
        {available.length ? (
          <Checkbox.Group options={available.map((b) => ({ value: b.key, label: bodyLabel(b) }))} />
        ) : (
          <Typography.Text type="secondary">{t('deliberationMeetings.create.chooseBodies')}</Typography.Text>
        )}
      </Form.Item>
      <Form.Item label={t('deliberationMeetings.create.preview')}>
        {preview.data && preview.data.invitees.length > 0 ? (
          <Table
            size="small"
            rowKey="personId"
            pagination={false}
            scroll={{ y: 220 }}
            dataSource={preview.data.invitees}
            columns={[
              { title: t('deliberationMeetings.field.name'), dataIndex: 'name', width: 120 },
              { title: t('deliberationMeetings.page.positions'), key: 'positions', render: (_, p) => <AttendeePositions positions={p.positions} /> },
            ]}
          />
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={bodies.length ? t('deliberationMeetings.create.previewEmpty') : t('deliberationMeetings.create.chooseBodies')} />
        )}
      </Form.Item>
      <Form.Item name="itemIds" label={t('deliberationMeetings.field.items')}>
        <Select
          mode="multiple"
          aria-label={t('deliberationMeetings.field.items')}
          notFoundContent={t('deliberationMeetings.create.noItems')}
          options={(candidates.data ?? []).map((i) => ({ value: i.id, label: `${i.code} ${i.title}（${i.placeName}）` }))}
        />
      </Form.Item>
    </>
  );
}
