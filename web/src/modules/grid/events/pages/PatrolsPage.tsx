import { UploadOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Form, Image, Input, Select, Space, type TableColumnsType, Upload, type UploadFile } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { GRID_ROLES, MAX_FILES, PATROL_FINDINGS_MAX } from '#server/modules/grid/contract.ts';
import { formatDate } from '../../../../shared/format.ts';
import { useListParams } from '../../../../shared/list-params.ts';
import { useSignedIn } from '../../../../shared/session.ts';
import { FormModal } from '../../../../workbench/components/FormModal.tsx';
import { ListCard } from '../../../../workbench/components/ListCard.tsx';
import { PageHeader } from '../../../../workbench/components/PageHeader.tsx';
import { type Patrol, type Place, useLiaisons, usePatrolPlaces, usePatrols, useRecordPatrol } from '../api.ts';

const FILTERS = ['q'] as const;

/** 联合巡查: the joint patrols at my compounds with the liaisons present, findings, photos and the events found; 记录巡查. */
export function PatrolsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useSignedIn();
  const canRecord = me.grants.some((g) => ([...GRID_ROLES.liaisonsManage, ...GRID_ROLES.eventsDispatch] as readonly string[]).includes(g.role));
  const list = useListParams(FILTERS);
  const patrols = usePatrols(list.query);
  const places = usePatrolPlaces(canRecord);
  const [adding, setAdding] = useState(false);

  const columns: TableColumnsType<Patrol> = [
    { title: t('gridEvents.patrols.patrolOn'), dataIndex: 'patrolOn', render: (v: string) => formatDate(v) },
    { title: t('gridEvents.patrols.compound'), dataIndex: 'compoundName' },
    { title: t('gridEvents.patrols.liaisons'), dataIndex: 'liaisons', render: (v: Patrol['liaisons']) => v.map((l) => `${t(`gridEvents.line.${l.line}`)} ${l.name}`).join('、') || '—' },
    { title: t('gridEvents.patrols.findings'), dataIndex: 'findings', ellipsis: true },
    {
      title: t('gridEvents.patrols.photos'),
      dataIndex: 'files',
      render: (v: Patrol['files']) => (
        <Image.PreviewGroup>
          <Space size={4}>
            {v.filter((f) => !f.purgedAt).map((f) => (
              <Image key={f.id} src={`/api/grid/files/${f.id}`} width={40} height={40} style={{ objectFit: 'cover' }} alt={f.label} />
            ))}
          </Space>
        </Image.PreviewGroup>
      ),
    },
    { title: t('gridEvents.patrols.events'), dataIndex: 'events', align: 'right' },
    { title: t('gridEvents.patrols.recordedBy'), dataIndex: 'recordedByName' },
    {
      title: '',
      key: 'report',
      render: (_: unknown, r) => (
        <Link to={`/grid/events/new?patrolId=${r.id}`}>
          <Button size="small">{t('gridEvents.page.add')}</Button>
        </Link>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('gridEvents.patrols.title')}
        extra={
          canRecord && (
            <Button type="primary" disabled={!places.data?.length} onClick={() => setAdding(true)}>
              {t('gridEvents.patrols.add')}
            </Button>
          )
        }
      />
      <ListCard list={list} query={patrols} columns={columns} search={{ label: t('gridEvents.patrols.search') }} empty={{ none: t('gridEvents.patrols.none'), noMatch: t('gridEvents.patrols.noMatch') }} />
      {adding && places.data && <RecordPatrolModal places={places.data} onClose={() => setAdding(false)} onSaved={() => void message.success(t('gridEvents.patrols.saved'))} />}
    </>
  );
}

function RecordPatrolModal({ places, onClose, onSaved }: { places: Place[]; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const record = useRecordPatrol();
  const [compoundId, setCompoundId] = useState(places[0]?.id);
  const liaisons = useLiaisons({ compoundId, serving: 'true', pageSize: 50 });
  const [files, setFiles] = useState<UploadFile[]>([]);
  return (
    <FormModal<{ compoundId: string; patrolOn: Dayjs; liaisonIds?: string[]; findings: string }>
      title={t('gridEvents.patrols.add')}
      open
      okText={t('gridEvents.detail.ok')}
      onClose={onClose}
      initialValues={{ compoundId, patrolOn: dayjs() }}
      fieldForCode={{ LIAISON_NOT_AT_COMPOUND: 'liaisonIds', PATROL_DAY_FUTURE: 'patrolOn' }}
      submit={async (v) => {
        await record.mutateAsync({
          compoundId: v.compoundId,
          patrolOn: v.patrolOn.format('YYYY-MM-DD'),
          liaisonIds: v.liaisonIds ?? [],
          findings: v.findings,
          photos: files.map((f) => f.originFileObj).filter((f): f is NonNullable<typeof f> => !!f),
        });
        onSaved();
      }}
    >
      <Form.Item name="compoundId" label={t('gridEvents.patrols.compound')} rules={[{ required: true }]}>
        <Select
          options={places.map((p) => ({ value: p.id, label: p.name }))}
          onChange={(v: string) => setCompoundId(v)}
        />
      </Form.Item>
      <Form.Item name="patrolOn" label={t('gridEvents.patrols.patrolOn')} rules={[{ required: true }]}>
        <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
      </Form.Item>
      <Form.Item name="liaisonIds" label={t('gridEvents.patrols.liaisons')}>
        <Select mode="multiple" loading={liaisons.isLoading} options={(liaisons.data?.items ?? []).map((l) => ({ value: l.id, label: `${t(`gridEvents.line.${l.line}`)} ${l.name}` }))} />
      </Form.Item>
      <Form.Item name="findings" label={t('gridEvents.patrols.findings')} rules={[{ required: true, whitespace: true, max: PATROL_FINDINGS_MAX }]}>
        <Input.TextArea rows={3} maxLength={PATROL_FINDINGS_MAX} placeholder={t('gridEvents.patrols.findingsPlaceholder')} />
      </Form.Item>
      <Form.Item label={t('gridEvents.patrols.photos')}>
        <Upload listType="picture" accept="image/jpeg,image/png,image/webp" multiple maxCount={MAX_FILES} fileList={files} beforeUpload={() => false} onChange={({ fileList }) => setFiles(fileList.slice(0, MAX_FILES))}>
          <Button icon={<UploadOutlined />}>{t('gridEvents.patrols.photos')}</Button>
        </Upload>
      </Form.Item>
    </FormModal>
  );
}
