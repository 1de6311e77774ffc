import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { EMERGENCY_LEVELS } from '#server/modules/grid/contract.ts';
import { FormModal } from '../../../../workbench/components/FormModal.tsx';
import { useDeclare, usePlaces } from '../api.ts';

interface Values {
  placeId: string;
  level: string;
  reason: string;
}

/** 启动应急: the place (compounds, communities, streets I may declare over; those in emergency already are disabled), the level and the reason. */
export function DeclareModal({ onClose, onDone }: { onClose: () => void; onDone: (id: string) => void }) {
  const { t } = useTranslation();
  const places = usePlaces(true);
  const declare = useDeclare();
  return (
    <FormModal<Values>
      title={t('gridEmergency.declare.title')}
      open
      onClose={onClose}
      okText={t('gridEmergency.declare.ok')}
      initialValues={{ level: 'general' }}
      submit={async (v) => onDone((await declare.mutateAsync(v)).id)}
      fieldForCode={{ ALREADY_IN_EMERGENCY: 'placeId', EMERGENCY_PLACE_KIND: 'placeId', SCREENING_NO_HOUSEHOLDS: 'placeId' }}
    >
      <Form.Item name="placeId" label={t('gridEmergency.declare.place')} rules={[{ required: true, message: t('gridEmergency.declare.placeRequired') }]}>
        <Select
          showSearch
          optionFilterProp="label"
          loading={places.isPending}
          options={(places.data ?? []).map((p) => ({ value: p.id, label: `${p.name}（${t(`gridEmergency.kind.${p.kind}`)}）${p.inEmergency ? ` · ${t('gridEmergency.mode.active')}` : ''}` }))}
        />
      </Form.Item>
      <Form.Item name="level" label={t('gridEmergency.declare.level')} rules={[{ required: true }]}>
        <Select options={EMERGENCY_LEVELS.map((l) => ({ value: l, label: t(`gridEmergency.level.${l}`) }))} />
      </Form.Item>
      <Form.Item name="reason" label={t('gridEmergency.declare.reason')} rules={[{ required: true, whitespace: true, message: t('gridEmergency.declare.reasonRequired') }, { max: 500 }]}>
        <Input.TextArea rows={3} placeholder={t('gridEmergency.declare.reasonHint')} />
      </Form.Item>
      <p style={{ color: '#cf1322' }}>{t('gridEmergency.declare.warning')}</p>
    </FormModal>
  );
}
