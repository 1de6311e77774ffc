import { Checkbox, DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../../workbench/components/FormModal.tsx';
import { ACTIVITY_KINDS, type ActivityKind, type Branch, useSchedule } from '../api.ts';

interface Values {
  title: string;
  kind: ActivityKind;
  branchId: string;
  startsAt: Dayjs;
  endsAt: Dayjs;
  venue: string;
  agenda?: string;
  includeReported: boolean;
}

/** A sensible slot today: from the next full hour (at least 09:00) for two hours. */
function todaySlot(): [Dayjs, Dayjs] {
  const now = dayjs();
  let start = now.add(1, 'hour').startOf('hour');
  if (start.hour() < 9) start = start.hour(9);
  return [start, start.add(2, 'hour')];
}

/** 新建活动: title, kind, the organising organisation (the community's own by default), times, venue, agenda, and whether to invite reported employed members. */
export function ActivityFormModal({ branches, onClose, onSaved }: { branches: Branch[]; onClose: () => void; onSaved: (r: { id: string; invited: number; notified: number }) => void }) {
  const { t } = useTranslation();
  const schedule = useSchedule();
  const [startsAt, endsAt] = todaySlot();
  return (
    <FormModal<Values>
      title={t('partyActivities.form.title')}
      open
      onClose={onClose}
      okText={t('partyActivities.form.save')}
      width={600}
      initialValues={{ kind: 'theme_day', branchId: branches[0]?.id, startsAt, endsAt, includeReported: true }}
      fieldForCode={{ TIMES_INVALID: 'endsAt', BRANCH_NOT_FOUND: 'branchId', NO_AUDIENCE: 'branchId', BRANCH_NOT_IN_COMMUNITY: 'branchId' }}
      submit={async (v) => {
        const r = await schedule.mutateAsync({
          title: v.title,
          kind: v.kind,
          branchId: v.branchId,
          startsAt: v.startsAt.format(),
          endsAt: v.endsAt.format(),
          venue: v.venue,
          agenda: v.agenda ?? '',
          includeReported: v.includeReported,
        });
        onSaved(r);
      }}
    >
      <Form.Item name="title" label={t('partyActivities.form.name')} rules={[{ required: true, max: 100 }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="kind" label={t('partyActivities.form.kind')} rules={[{ required: true }]}>
        <Select options={ACTIVITY_KINDS.map((k) => ({ value: k, label: t(`partyActivities.kind.${k}`) }))} />
      </Form.Item>
      <Form.Item name="branchId" label={t('partyActivities.form.branch')} rules={[{ required: true }]}>
        <Select showSearch optionFilterProp="label" options={branches.map((b) => ({ value: b.id, label: b.name }))} />
      </Form.Item>
      <Form.Item name="startsAt" label={t('partyActivities.form.startsAt')} rules={[{ required: true }]}>
        <DatePicker showTime={{ format: 'HH:mm', minuteStep: 5 }} format="YYYY-MM-DD HH:mm" />
      </Form.Item>
      <Form.Item
        name="endsAt"
        label={t('partyActivities.form.endsAt')}
        dependencies={['startsAt']}
        rules={[
          { required: true },
          ({ getFieldValue }) => ({
            validator: (_, value: Dayjs | undefined) => (!value || value.isAfter(getFieldValue('startsAt')) ? Promise.resolve() : Promise.reject(new Error(t('partyActivities.form.endsAfter')))),
          }),
        ]}
      >
        <DatePicker showTime={{ format: 'HH:mm', minuteStep: 5 }} format="YYYY-MM-DD HH:mm" />
      </Form.Item>
      <Form.Item name="venue" label={t('partyActivities.form.venue')} rules={[{ required: true, max: 100 }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="agenda" label={t('partyActivities.form.agenda')} rules={[{ max: 2000 }]}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      <Form.Item name="includeReported" valuePropName="checked">
        <Checkbox>{t('partyActivities.form.includeReported')}</Checkbox>
      </Form.Item>
    </FormModal>
  );
}
