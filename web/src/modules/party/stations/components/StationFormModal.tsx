import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select, Space, TimePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../../workbench/components/FormModal.tsx';
import { type StationBody, type StationRow, useCreateStation, useStationCompounds, useUpdateStation } from '../api.ts';

const SUGGESTIONS = ['政策咨询', '代收快递', '便民维修', '老年助餐', '法律援助', '心理疏导', '图书借阅', '矛盾调解', '党员亮身份', '志愿者招募'];

interface Values {
  compoundId?: string;
  name: string;
  address: string;
  hours: { days: number[]; span: [Dayjs, Dayjs] }[];
  services: string[];
  phone: string;
  status: 'open' | 'closed';
}

const toBody = (v: Values): StationBody => ({
  ...(v.compoundId ? { compoundId: v.compoundId } : {}),
  name: v.name,
  address: v.address,
  hours: (v.hours ?? []).map((h) => ({ days: h.days, opens: h.span[0].format('HH:mm'), closes: h.span[1].format('HH:mm') })),
  services: v.services ?? [],
  phone: v.phone,
  status: v.status,
});

/** The station form (新建/编辑红色驿站): compound (on creation), name, address, opening spans, services, phone, status. */
export function StationFormModal({ open, onClose, station, onSaved }: { open: boolean; onClose: () => void; station?: StationRow; onSaved?: (s: StationRow) => void }) {
  const { t } = useTranslation();
  const compounds = useStationCompounds(open && !station);
  const create = useCreateStation();
  const update = useUpdateStation(station?.id ?? '');
  const initial: Partial<Values> = station
    ? {
        name: station.name,
        address: station.address,
        hours: station.hours.map((h) => ({ days: h.days, span: [dayjs(`2000-01-01T${h.opens}`), dayjs(`2000-01-01T${h.closes}`)] as [Dayjs, Dayjs] })),
        services: station.services,
        phone: station.phone,
        status: station.status,
      }
    : { hours: [{ days: [1, 2, 3, 4, 5], span: [dayjs('2000-01-01T09:00'), dayjs('2000-01-01T17:00')] }], services: ['政策咨询'], status: 'open' };
  const weekdays = [1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: d, label: t(`partyStations.weekday.${d}`) }));
  return (
    <FormModal<Values>
      title={station ? t('partyStations.form.titleEdit') : t('partyStations.form.titleAdd')}
      open={open}
      onClose={onClose}
      initialValues={initial}
      okText={t('partyStations.form.save')}
      width={640}
      submit={async (v) => {
        const saved = station ? await update.mutateAsync(toBody(v)) : await create.mutateAsync(toBody(v));
        onSaved?.(saved);
      }}
      fieldForCode={{ NOT_A_COMPOUND: 'compoundId', HOURS_INVALID: 'hours', PLACE_NOT_FOUND: 'compoundId' }}
    >
      {!station && (
        <Form.Item name="compoundId" label={t('partyStations.form.compound')} rules={[{ required: true }]}>
          <Select
            showSearch
            optionFilterProp="label"
            loading={compounds.isLoading}
            options={(compounds.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
          />
        </Form.Item>
      )}
      <Form.Item name="name" label={t('partyStations.form.name')} rules={[{ required: true, max: 100 }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="address" label={t('partyStations.form.address')} rules={[{ required: true, max: 200 }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item label={t('partyStations.form.hours')} required>
        <Form.List name="hours">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" wrap>
                  <Form.Item name={[f.name, 'days']} rules={[{ required: true, message: t('partyStations.form.days') }]}>
                    <Select mode="multiple" aria-label={t('partyStations.form.days')} placeholder={t('partyStations.form.days')} options={weekdays} style={{ minWidth: 220 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'span']} rules={[{ required: true }]}>
                    <TimePicker.RangePicker format="HH:mm" minuteStep={5} placeholder={[t('partyStations.form.opens'), t('partyStations.form.closes')]} />
                  </Form.Item>
                  <MinusCircleOutlined aria-label={t('partyStations.roster.remove')} onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ days: [6], span: [dayjs('2000-01-01T09:00'), dayjs('2000-01-01T12:00')] })}>
                {t('partyStations.form.addHours')}
              </Button>
            </>
          )}
        </Form.List>
      </Form.Item>
      <Form.Item name="services" label={t('partyStations.form.services')} extra={t('partyStations.form.servicesHint')}>
        <Select mode="tags" maxCount={20} options={SUGGESTIONS.map((s) => ({ value: s, label: s }))} />
      </Form.Item>
      <Form.Item name="phone" label={t('partyStations.form.phone')} rules={[{ required: true, pattern: /^[0-9+\-() ]{5,20}$/ }]}>
        <Input maxLength={20} />
      </Form.Item>
      <Form.Item name="status" label={t('partyStations.form.status')}>
        <Select options={(['open', 'closed'] as const).map((s) => ({ value: s, label: t(`partyStations.status.${s}`) }))} />
      </Form.Item>
    </FormModal>
  );
}
