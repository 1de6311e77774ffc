import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Checkbox, Empty, Form, Input, Space, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayInShanghai } from '../../../../shared/format.ts';
import { useListParams } from '../../../../shared/list-params.ts';
import { FormModal } from '../../../../workbench/components/FormModal.tsx';
import { ListTable } from '../../../../workbench/components/ListTable.tsx';
import { PageHeader } from '../../../../workbench/components/PageHeader.tsx';
import { PlaceTreeSelect } from '../../../registry/index.ts';
import { useEndVacancy, useRegisterVacancy, useVacancies, type VacancyRow } from '../api.ts';
import { CompoundPicker, useCompoundParam } from './CompoundPicker.tsx';

const FILTERS = ['current'] as const;
const ROOM_KINDS = ['city', 'district', 'street', 'community', 'grid', 'compound', 'building', 'unit', 'room'] as const;

/** 空置登记: a compound's registered vacancies (空置房), a new one for a room, ending one. Bills generated afterwards discount those days. */
export function VacanciesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const compound = useCompoundParam();
  const list = useListParams(FILTERS);
  const vacancies = useVacancies({ ...list.query, compoundId: compound.compoundId });
  const register = useRegisterVacancy();
  const end = useEndVacancy();
  const [adding, setAdding] = useState(false);
  const [ending, setEnding] = useState<VacancyRow | null>(null);

  const columns: TableColumnsType<VacancyRow> = [
    { title: t('feesBills.vacancies.room'), dataIndex: 'roomLabel' },
    { title: t('feesBills.vacancies.startsOn'), dataIndex: 'startsOn' },
    { title: t('feesBills.vacancies.endsOn'), dataIndex: 'endsOn', render: (v: string | null) => v ?? t('feesBills.vacancies.open') },
    { title: t('feesBills.vacancies.note'), dataIndex: 'note', ellipsis: true },
    { title: t('feesBills.price.requestedBy'), dataIndex: 'createdBy' },
    { title: '', key: 'a', render: (_, v) => !v.endsOn && <Button size="small" onClick={() => setEnding(v)}>{t('feesBills.vacancies.end')}</Button> },
  ];

  return (
    <>
      <PageHeader
        title={t('feesBills.vacancies.title')}
        extra={
          <Space>
            <CompoundPicker value={compound} />
            {compound.compoundId && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
                {t('feesBills.vacancies.new')}
              </Button>
            )}
          </Space>
        }
      />
      <Card>
        {!compound.compoundId ? (
          <Empty description={t('feesBills.chooseCompound')} />
        ) : (
          <>
            <Checkbox checked={list.filters.current === 'true'} onChange={(e) => list.setFilters({ current: e.target.checked ? 'true' : undefined })} style={{ marginBottom: 12 }}>
              {t('feesBills.vacancies.currentOnly')}
            </Checkbox>
            <ListTable query={vacancies} list={list} columns={columns} rowKey="id" emptyText={t('common.empty')} />
          </>
        )}
      </Card>
      <FormModal<{ roomId: string; startsOn: string; endsOn?: string; note?: string }>
        title={t('feesBills.vacancies.new')}
        open={adding}
        onClose={() => setAdding(false)}
        initialValues={{ startsOn: todayInShanghai() }}
        submit={async (v) => {
          await register.mutateAsync({ ...v, endsOn: v.endsOn || undefined });
          void message.success(t('feesBills.vacancies.registered'));
        }}
      >
        <Form.Item name="roomId" label={t('feesBills.vacancies.roomId')} rules={[{ required: true, message: t('validation.pickOne') }]}>
          <PlaceTreeSelect kinds={ROOM_KINDS} />
        </Form.Item>
        <Form.Item name="startsOn" label={t('feesBills.vacancies.startsOn')} rules={[{ required: true }]}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="endsOn" label={t('feesBills.vacancies.endsOn')}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="note" label={t('feesBills.vacancies.note')} rules={[{ max: 200 }]}>
          <Input maxLength={200} />
        </Form.Item>
      </FormModal>
      <FormModal<{ endsOn: string }>
        title={t('feesBills.vacancies.end')}
        open={!!ending}
        onClose={() => setEnding(null)}
        initialValues={{ endsOn: todayInShanghai() }}
        submit={async (v) => {
          await end.mutateAsync({ id: ending!.id, endsOn: v.endsOn });
          void message.success(t('feesBills.vacancies.ended'));
        }}
      >
        <Form.Item name="endsOn" label={t('feesBills.vacancies.endsOn')} rules={[{ required: true }]}>
          <Input type="date" />
        </Form.Item>
      </FormModal>
    </>
  );
}
