import { Button, DatePicker, type DatePickerRef, Form, Popup, Selector, TextArea, Toast } from 'antd-mobile';
import dayjs from 'dayjs';
import { type RefObject, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ResidentPlot, type Room, useApply } from '../api.ts';

interface Values {
  fromDay?: Date;
  toDay?: Date;
  roomId?: string[];
  note?: string;
}

/** 申请认养: the period (from today, at most two years), for myself or my household (one of my rooms), a note. */
export function ApplyPopup({ plot, rooms, onClose }: { plot: ResidentPlot; rooms: Room[]; onClose: () => void }) {
  const { t } = useTranslation();
  const apply = useApply(plot.id);
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const from = Form.useWatch('fromDay', form);
  const today = dayjs().startOf('day');
  const submit = async (v: Values) => {
    setError(null);
    try {
      await apply.mutateAsync({
        fromDay: dayjs(v.fromDay).format('YYYY-MM-DD'),
        toDay: dayjs(v.toDay).format('YYYY-MM-DD'),
        ...(v.roomId?.[0] ? { roomId: v.roomId[0] } : {}),
        ...(v.note?.trim() ? { note: v.note.trim() } : {}),
      });
      Toast.show({ icon: 'success', content: t('volGreen.h5.submitted') });
      onClose();
    } catch (err) {
      setError((err as Error).message);
    }
  };
  const pick = (name: 'fromDay' | 'toDay', min: Date, max: Date) => (
    <Form.Item
      name={name}
      label={t(`volGreen.h5.${name}`)}
      trigger="onConfirm"
      rules={[{ required: true, message: t('volGreen.h5.pickDate') }]}
      onClick={(_e, ref: RefObject<DatePickerRef>) => ref.current?.open()}
    >
      <DatePicker min={min} max={max} title={t(`volGreen.h5.${name}`)}>
        {(value) => (value ? dayjs(value).format('YYYY-MM-DD') : <span style={{ color: '#999' }}>{t('volGreen.h5.pickDate')}</span>)}
      </DatePicker>
    </Form.Item>
  );
  const start = from ? dayjs(from) : today;
  return (
    <Popup visible onMaskClick={onClose} onClose={onClose} bodyStyle={{ padding: 16, maxHeight: '90vh', overflowY: 'auto' }}>
      <h2 style={{ fontSize: 18, margin: '0 0 8px' }}>{t('volGreen.h5.applyTitle', { name: plot.name })}</h2>
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        footer={
          <>
            {error && (
              <p className="gz-form-error" role="alert">
                {error}
              </p>
            )}
            <Button block type="submit" color="primary" size="large" loading={apply.isPending}>
              {t('volGreen.h5.submit')}
            </Button>
          </>
        }
      >
        {pick('fromDay', today.toDate(), today.add(1, 'year').toDate())}
        {pick('toDay', start.toDate(), start.add(2, 'year').subtract(1, 'day').toDate())}
        <p style={{ color: '#888', margin: '0 16px' }}>{t('volGreen.h5.periodHint')}</p>
        {rooms.length > 0 && (
          <Form.Item name="roomId" label={t('volGreen.h5.forHousehold')}>
            <Selector columns={1} options={rooms.map((r) => ({ value: r.roomId, label: r.roomLabel }))} />
          </Form.Item>
        )}
        <Form.Item name="note" label={t('volGreen.h5.note')}>
          <TextArea maxLength={200} showCount autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
      </Form>
    </Popup>
  );
}
