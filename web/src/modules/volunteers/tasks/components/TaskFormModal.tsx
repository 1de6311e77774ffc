import { DatePicker, Form, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { TASK_DESCRIPTION_MAX, TASK_MINUTES_MAX, TASK_POINTS_MAX, TASK_TARGET_MAX, TASK_TITLE_MAX } from '#server/modules/volunteers/contract.ts';
import { FormModal } from '../../../../workbench/components/FormModal.tsx';
import { type Place, usePostTask } from '../api.ts';

interface Values {
  placeId: string;
  title: string;
  target?: string;
  description?: string;
  points: number;
  minutes: number;
  deadline: Dayjs;
}

/** 发布任务: where (a community or compound), what, for whom, the points and service minutes it credits, and until when it may be taken. */
export function TaskFormModal({ places, defaultPlaceId, onClose, onSaved }: { places: Place[]; defaultPlaceId?: string; onClose: () => void; onSaved: (r: { id: string; notified: number }) => void }) {
  const { t } = useTranslation();
  const post = usePostTask();
  const initialPlace = places.find((p) => p.id === defaultPlaceId)?.id ?? places[0]?.id;
  return (
    <FormModal<Values>
      title={t('volTasks.form.title')}
      open
      onClose={onClose}
      okText={t('volTasks.form.save')}
      width={600}
      initialValues={{ placeId: initialPlace, points: 10, minutes: 30, deadline: dayjs().add(3, 'day').hour(18).minute(0).second(0) }}
      fieldForCode={{ TASK_PLACE_KIND: 'placeId', PLACE_NOT_FOUND: 'placeId', TASK_DEADLINE_PAST: 'deadline' }}
      submit={async (v) => {
        const r = await post.mutateAsync({
          placeId: v.placeId,
          title: v.title,
          target: v.target ?? '',
          description: v.description ?? '',
          points: v.points,
          minutes: v.minutes,
          deadline: v.deadline.format(),
        });
        onSaved(r);
      }}
    >
      <Form.Item name="placeId" label={t('volTasks.form.place')} rules={[{ required: true }]}>
        <Select
          showSearch
          optionFilterProp="label"
          options={places.map((p) => ({ value: p.id, label: `${p.name}（${t(`volTasks.placeKind.${p.kind}`)}）` }))}
        />
      </Form.Item>
      <Form.Item name="title" label={t('volTasks.form.name')} rules={[{ required: true, whitespace: true, max: TASK_TITLE_MAX }]}>
        <Input maxLength={TASK_TITLE_MAX} placeholder={t('volTasks.form.namePlaceholder')} />
      </Form.Item>
      <Form.Item name="target" label={t('volTasks.form.target')} rules={[{ max: TASK_TARGET_MAX }]}>
        <Input maxLength={TASK_TARGET_MAX} placeholder={t('volTasks.form.targetPlaceholder')} />
      </Form.Item>
      <Form.Item name="description" label={t('volTasks.form.description')} rules={[{ max: TASK_DESCRIPTION_MAX }]}>
        <Input.TextArea rows={3} maxLength={TASK_DESCRIPTION_MAX} />
      </Form.Item>
      <Form.Item name="points" label={t('volTasks.form.points')} rules={[{ required: true }]}>
        <InputNumber min={0} max={TASK_POINTS_MAX} precision={0} />
      </Form.Item>
      <Form.Item name="minutes" label={t('volTasks.form.minutes')} rules={[{ required: true }]}>
        <InputNumber min={0} max={TASK_MINUTES_MAX} precision={0} />
      </Form.Item>
      <Form.Item
        name="deadline"
        label={t('volTasks.form.deadline')}
        rules={[
          { required: true },
          { validator: (_, value: Dayjs | undefined) => (!value || value.isAfter(dayjs()) ? Promise.resolve() : Promise.reject(new Error(t('volTasks.form.deadlineFuture')))) },
        ]}
      >
        <DatePicker showTime={{ format: 'HH:mm', minuteStep: 5 }} format="YYYY-MM-DD HH:mm" />
      </Form.Item>
    </FormModal>
  );
}
