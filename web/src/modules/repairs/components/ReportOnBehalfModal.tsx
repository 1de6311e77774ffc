import { App, Col, DatePicker, Form, Input, Radio, Row, Select, type UploadFile } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CATEGORIES, MAX_PHOTOS, PERIODS } from '#server/modules/repairs/contract.ts';
import { apiGet } from '../../../shared/api.ts';
import { FormModal } from '../../../workbench/components/FormModal.tsx';
import { RemoteSelect } from '../../../workbench/components/RemoteSelect.tsx';
import { PlaceTreeSelect } from '../../registry/index.ts';
import { toForm, useReportOrder } from '../api.ts';
import { PhotoPicker } from './PhotoPicker.tsx';

interface Values {
  channel: 'phone' | 'counter';
  where: 'room' | 'common';
  roomId?: string;
  commonId?: string;
  residentPersonId?: string;
  category: string;
  description: string;
  contactName?: string;
  contactPhone?: string;
  preferredDate?: { format(f: string): string };
  preferredPeriod?: string;
}

interface RoomOption {
  id: string;
  label: string;
  owners: string[];
}
interface Holder {
  personId: string | null;
  holderName: string | null;
  relation: string;
  current: boolean;
}

/** 代客报修: the property office or a building leader takes a repair by phone or at the counter. */
export function ReportOnBehalfModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const report = useReportOrder();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [roomId, setRoomId] = useState<string | null>(null);
  const [holders, setHolders] = useState<Holder[]>([]);

  const pickRoom = async (id: string | null) => {
    setRoomId(id);
    setHolders([]);
    if (id) setHolders((await apiGet<{ items: Holder[] }>(`/api/rooms/${id}/households`)).items.filter((h) => h.current && h.personId));
  };

  const submit = async (v: Values) => {
    const placeId = v.where === 'room' ? v.roomId : v.commonId;
    const order = await report.mutateAsync(
      toForm(
        {
          channel: v.channel,
          placeId,
          category: v.category,
          description: v.description,
          residentPersonId: v.where === 'room' ? v.residentPersonId : undefined,
          contactName: v.contactName,
          contactPhone: v.contactPhone,
          preferredDate: v.preferredDate?.format('YYYY-MM-DD'),
          preferredPeriod: v.preferredPeriod,
        },
        files.map((f) => f.originFileObj as File).filter(Boolean),
      ),
    );
    void message.success(t('repairs.report.submitted', { no: order.no }));
    setFiles([]);
    navigate(`/repairs/orders/${order.id}`);
  };

  return (
    <FormModal<Values>
      title={t('repairs.report.title')}
      open={open}
      onClose={onClose}
      submit={submit}
      okText={t('common.submit')}
      width={680}
      initialValues={{ channel: 'phone', where: 'room' }}
      fieldForCode={{ PLACE_NOT_FOUND: 'roomId', RESIDENT_NOT_OF_PLACE: 'residentPersonId', PHONE_INVALID: 'contactPhone', NO_PROPERTY_COMPANY: 'roomId' }}
    >
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="channel" label={t('repairs.report.channel')}>
            <Radio.Group optionType="button" options={(['phone', 'counter'] as const).map((c) => ({ value: c, label: t(`repairs.channel.${c}`) }))} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="where" label={t('repairs.report.place')}>
            <Radio.Group
              optionType="button"
              options={[
                { value: 'room', label: t('repairs.report.room') },
                { value: 'common', label: t('repairs.report.commonPart') },
              ]}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item noStyle shouldUpdate={(a, b) => a.where !== b.where}>
        {({ getFieldValue }) =>
          getFieldValue('where') === 'room' ? (
            <>
              <Form.Item name="roomId" label={t('repairs.report.room')} extra={t('repairs.report.placeHint')} rules={[{ required: true, message: t('repairs.report.placeRequired') }]}>
                <RemoteSelect
                  queryKey={['repairs', 'room-search']}
                  search={async (q) =>
                    (await apiGet<{ items: RoomOption[] }>('/api/rooms', { q, pageSize: 20 })).items.map((r) => ({
                      value: r.id,
                      label: r.owners.length ? `${r.label}（${r.owners.join('、')}）` : r.label,
                    }))
                  }
                  onChange={(v) => void pickRoom(v)}
                />
              </Form.Item>
              {roomId && holders.length > 0 && (
                <Form.Item name="residentPersonId" label={t('repairs.report.resident')}>
                  <Select
                    allowClear
                    options={holders.map((h) => ({ value: h.personId!, label: `${h.holderName}（${t(`household.relation.${h.relation}`)}）` }))}
                  />
                </Form.Item>
              )}
            </>
          ) : (
            <Form.Item name="commonId" label={t('repairs.report.commonPart')} extra={t('repairs.report.placeHint')} rules={[{ required: true, message: t('repairs.report.placeRequired') }]}>
              <PlaceTreeSelect kinds={['city', 'district', 'street', 'community', 'grid', 'compound', 'building', 'unit']} />
            </Form.Item>
          )
        }
      </Form.Item>
      <Form.Item name="category" label={t('repairs.field.category')} rules={[{ required: true, message: t('repairs.report.categoryRequired') }]}>
        <Radio.Group options={CATEGORIES.map((c) => ({ value: c, label: t(`repairs.category.${c}`) }))} />
      </Form.Item>
      <Form.Item name="description" label={t('repairs.field.description')} rules={[{ required: true, whitespace: true, message: t('repairs.report.descriptionRequired') }]}>
        <Input.TextArea rows={3} maxLength={1000} showCount />
      </Form.Item>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="contactName" label={t('repairs.report.contactName')}>
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="contactPhone" label={t('repairs.report.contactPhone')}>
            <Input maxLength={20} inputMode="tel" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="preferredDate" label={t('repairs.report.preferredDate')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="preferredPeriod" label={t('repairs.report.preferredPeriod')}>
            <Select allowClear options={PERIODS.map((p) => ({ value: p, label: t(`repairs.period.${p}`) }))} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={t('repairs.report.photos')}>
        <PhotoPicker files={files} onChange={setFiles} max={MAX_PHOTOS} />
      </Form.Item>
    </FormModal>
  );
}
