import { DatePicker, Form, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { SKILLS } from '#server/modules/volunteers/contract.ts';
import { FormModal } from '../../../../workbench/components/FormModal.tsx';
import { PlaceTreeSelect } from '../../../registry/index.ts';
import { usePublish } from '../api.ts';

interface Values {
  title: string;
  placeId: string;
  startsAt: Dayjs;
  endsAt: Dayjs;
  venue: string;
  description?: string;
  capacity: number;
  pointsPerHour: number;
  skills: string[];
}

/** Tomorrow 09:00 for two hours: a sensible default slot. */
function slot(): [Dayjs, Dayjs] {
  const start = dayjs().add(1, 'day').hour(9).minute(0).second(0).millisecond(0);
  return [start, start.add(2, 'hour')];
}

/** 新建活动: title, the organising community or compound (my own by default), times, venue, places, points per hour, skills. */
export function ActivityFormModal({
  defaultPlace,
  onClose,
  onSaved,
}: {
  defaultPlace?: { id: string; name: string };
  onClose: () => void;
  onSaved: (r: { id: string; notified: number }) => void;
}) {
  const { t } = useTranslation();
  const publish = usePublish();
  const [startsAt, endsAt] = slot();
  return (
    <FormModal<Values>
      title={t('volActivities.form.title')}
      open
      onClose={onClose}
      okText={t('volActivities.form.save')}
      width={620}
      initialValues={{ placeId: defaultPlace?.id, startsAt, endsAt, capacity: 20, pointsPerHour: 10, skills: [] }}
      fieldForCode={{ TIMES_INVALID: 'endsAt', ACTIVITY_PLACE_INVALID: 'placeId', PLACE_NOT_FOUND: 'placeId' }}
      submit={async (v) => {
        const r = await publish.mutateAsync({
          placeId: v.placeId,
          title: v.title,
          description: v.description ?? '',
          venue: v.venue,
          startsAt: v.startsAt.format(),
          endsAt: v.endsAt.format(),
          capacity: v.capacity,
          pointsPerHour: v.pointsPerHour,
          skills: v.skills ?? [],
        });
        onSaved(r);
      }}
    >
      <Form.Item name="title" label={t('volActivities.form.name')} rules={[{ required: true, max: 100 }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="placeId" label={t('volActivities.form.place')} rules={[{ required: true }]}>
        <PlaceTreeSelect kinds={['street', 'community', 'grid', 'compound']} valueLabel={defaultPlace?.name} aria-label={t('volActivities.form.place')} />
      </Form.Item>
      <Form.Item name="startsAt" label={t('volActivities.form.startsAt')} rules={[{ required: true }]}>
        <DatePicker showTime={{ format: 'HH:mm', minuteStep: 5 }} format="YYYY-MM-DD HH:mm" />
      </Form.Item>
      <Form.Item
        name="endsAt"
        label={t('volActivities.form.endsAt')}
        dependencies={['startsAt']}
        rules={[
          { required: true },
          ({ getFieldValue }) => ({
            validator: (_, value: Dayjs | undefined) => (!value || value.isAfter(getFieldValue('startsAt')) ? Promise.resolve() : Promise.reject(new Error(t('volActivities.form.endsAfter')))),
          }),
        ]}
      >
        <DatePicker showTime={{ format: 'HH:mm', minuteStep: 5 }} format="YYYY-MM-DD HH:mm" />
      </Form.Item>
      <Form.Item name="venue" label={t('volActivities.form.venue')} rules={[{ required: true, max: 100 }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="capacity" label={t('volActivities.form.capacity')} rules={[{ required: true }]}>
        <InputNumber min={1} max={1000} precision={0} />
      </Form.Item>
      <Form.Item name="pointsPerHour" label={t('volActivities.form.pointsPerHour')} rules={[{ required: true }]}>
        <InputNumber min={0} max={100} precision={0} />
      </Form.Item>
      <Form.Item name="skills" label={t('volActivities.form.skills')}>
        <Select mode="multiple" maxCount={10} options={SKILLS.map((s) => ({ value: s, label: s }))} />
      </Form.Item>
      <Form.Item name="description" label={t('volActivities.form.description')} rules={[{ max: 2000 }]}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}
