import { Button, Card, Form, Input, Select, Switch, Table, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GRID_ROLES } from '#server/modules/grid/contract.ts';
import { useSignedIn } from '../../../../shared/session.ts';
import { FormModal } from '../../../../workbench/components/FormModal.tsx';
import { PageHeader } from '../../../../workbench/components/PageHeader.tsx';
import { QueryView } from '../../../../workbench/components/QueryView.tsx';
import { type Point, type PointBody, useCompounds, usePoints, useSavePoint, useServices } from '../api.ts';

/** 代办点: property offices as agency points (compound, the company running it, address, hours, phone, services); the street sets them up. */
export function PointsPage() {
  const { t } = useTranslation();
  const me = useSignedIn();
  const manages = me.grants.some((g) => (GRID_ROLES.agencyManage as readonly string[]).includes(g.role));
  const points = usePoints();
  const [editing, setEditing] = useState<Point | 'new' | null>(null);

  const columns: TableColumnsType<Point> = [
    { title: t('gridAgency.col.point'), dataIndex: 'name' },
    { title: t('gridAgency.points.compound'), dataIndex: 'compoundName' },
    { title: t('gridAgency.points.company'), dataIndex: 'companyName' },
    { title: t('gridAgency.points.address'), dataIndex: 'address', render: (v: string) => v || '—' },
    { title: t('gridAgency.points.hours'), dataIndex: 'hours', render: (v: string) => v || '—' },
    { title: t('gridAgency.points.phone'), dataIndex: 'phone', render: (v: string) => v || '—' },
    { title: t('gridAgency.points.services'), dataIndex: 'services', render: (s: Point['services']) => t('gridAgency.points.servicesCount', { count: s.length }) },
    { title: t('gridAgency.points.openCases'), dataIndex: 'openCases', align: 'right' },
    { title: t('gridAgency.services.active'), dataIndex: 'active', render: (v: boolean) => (v ? <Tag color="green">{t('gridAgency.services.on')}</Tag> : <Tag>{t('gridAgency.services.off')}</Tag>) },
    ...(manages ? [{ title: '', key: 'edit', render: (_: unknown, r: Point) => <Button onClick={() => setEditing(r)}>{t('gridAgency.edit')}</Button> }] : []),
  ];

  return (
    <>
      <PageHeader
        title={t('gridAgency.points.title')}
        extra={
          manages && (
            <Button type="primary" onClick={() => setEditing('new')}>
              {t('gridAgency.points.add')}
            </Button>
          )
        }
      />
      <Card>
        <QueryView query={points}>{(p) => <Table rowKey="id" columns={columns} dataSource={p.items} pagination={false} locale={{ emptyText: t('gridAgency.points.none') }} />}</QueryView>
      </Card>
      {editing && <PointModal point={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </>
  );
}

function PointModal({ point, onClose }: { point: Point | null; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSavePoint(point?.id);
  const compounds = useCompounds(true);
  const services = useServices();
  return (
    <FormModal<Omit<PointBody, 'companyId'>>
      title={point ? t('gridAgency.points.editTitle') : t('gridAgency.points.add')}
      open
      width={640}
      onClose={onClose}
      initialValues={point ? { ...point, serviceIds: point.services.map((s) => s.id) } : { active: true, serviceIds: [], address: '', hours: '周一至周六 9:00–12:00，14:00–17:30', phone: '' }}
      submit={(v) => {
        const compound = compounds.data?.items.find((c) => c.id === v.compoundId);
        return save.mutateAsync({ ...v, companyId: compound?.companyId ?? '' });
      }}
    >
      <Form.Item name="compoundId" label={t('gridAgency.points.compound')} rules={[{ required: true }]} extra={t('gridAgency.points.companyNote')}>
        <Select
          showSearch
          optionFilterProp="label"
          loading={compounds.isLoading}
          options={(compounds.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.name}（${c.companyName ?? t('gridAgency.points.noCompany')}）`, disabled: !c.companyId }))}
        />
      </Form.Item>
      <Form.Item name="name" label={t('gridAgency.col.point')} rules={[{ required: true, whitespace: true, max: 60 }]}>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="address" label={t('gridAgency.points.address')} rules={[{ max: 100 }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="hours" label={t('gridAgency.points.hours')} rules={[{ max: 100 }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="phone" label={t('gridAgency.points.phone')} rules={[{ max: 30 }]}>
        <Input maxLength={30} />
      </Form.Item>
      <Form.Item name="serviceIds" label={t('gridAgency.points.services')}>
        <Select mode="multiple" optionFilterProp="label" options={(services.data?.items ?? []).filter((s) => s.active).map((s) => ({ value: s.id, label: s.name }))} />
      </Form.Item>
      <Form.Item name="active" label={t('gridAgency.services.active')} valuePropName="checked">
        <Switch />
      </Form.Item>
    </FormModal>
  );
}
