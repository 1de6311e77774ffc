import { App, Button, Card, DatePicker, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { COMPONENT_CONDITIONS, COMPONENT_KINDS, LEGAL_KINDS, MAX_FILES, NAME_MAX, NOTE_MAX, RECORD_KINDS, RECORD_RELATIONS, type RecordKind } from '#server/modules/grid/contract.ts';
import { ApiError } from '../../../../shared/api.ts';
import { shrinkPhoto } from '../../../../shared/shrink-photo.ts';
import { PageHeader } from '../../../../workbench/components/PageHeader.tsx';
import { useMembers, usePlaceComponents, usePlaces, useSubmitRecord } from '../api.ts';

interface Values {
  kind: RecordKind | 'event';
  placeId: string;
  name?: string;
  phone?: string;
  idNumber?: string;
  relation?: (typeof RECORD_RELATIONS)[number];
  sharePercent?: number;
  date?: Dayjs;
  landlord?: string;
  landlordName?: string;
  contractStart?: Dayjs;
  contractEnd?: Dayjs;
  personId?: string;
  legalName?: string;
  creditCode?: string;
  legalKind?: string;
  contact?: string;
  location?: string;
  componentKind?: string;
  componentId?: string;
  condition?: string;
  note?: string;
}
const OTHER = '__other__';
const DAY = 'YYYY-MM-DD';
const big = { size: 'large' as const };

/**
 * 采集上报: a grid worker on a phone (or commissioned property staff) reports a record — a new resident (with the
 * rental registration for a tenant), a resident leaving, a legal person or shop, a public component with photos. One
 * vertical form with big controls, usable at 390 px; dates may be typed as YYYY-MM-DD. Actual events go to 网格事件.
 */
export function RecordNewPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);
  const placeId = Form.useWatch('placeId', form);
  const relation = Form.useWatch('relation', form);
  const landlord = Form.useWatch('landlord', form);
  const [search, setSearch] = useState('');
  const resident = kind === 'resident_arrival' || kind === 'resident_departure';
  const places = usePlaces(resident ? 'room' : 'site', search);
  const members = useMembers(resident && placeId ? placeId : undefined);
  const components = usePlaceComponents(kind === 'component' && placeId ? placeId : undefined);
  const submit = useSubmitRecord();
  const [photos, setPhotos] = useState<File[]>([]);
  const day = (d?: Dayjs) => (d ? d.format(DAY) : undefined);

  const finish = async (v: Values) => {
    if (v.kind === 'event') return;
    const fields: Record<string, string | number | undefined> = { kind: v.kind, placeId: v.placeId, note: v.note };
    if (v.kind === 'resident_arrival') {
      Object.assign(fields, { name: v.name, phone: v.phone, idNumber: v.idNumber, relation: v.relation });
      if (v.relation === 'tenant') {
        Object.assign(fields, { date: day(v.contractStart), contractStart: day(v.contractStart), contractEnd: day(v.contractEnd) });
        if (v.landlord && v.landlord !== OTHER) fields.landlordPersonId = v.landlord;
        else fields.landlordName = v.landlordName;
      } else fields.date = day(v.date);
      if (v.relation === 'owner' || v.relation === 'co_owner') fields.shareBp = Math.round((v.sharePercent ?? 100) * 100);
    } else if (v.kind === 'resident_departure') {
      Object.assign(fields, { personId: v.personId, date: day(v.date) });
    } else if (v.kind === 'legal_person') {
      Object.assign(fields, { name: v.legalName, creditCode: v.creditCode, legalKind: v.legalKind, contact: v.contact, location: v.location });
    } else {
      Object.assign(fields, { componentKind: v.componentKind, componentId: v.componentId, condition: v.condition, location: v.location });
    }
    try {
      const r = await submit.mutateAsync({ fields, photos: v.kind === 'component' ? photos : [] });
      void message.success(t('gridCollection.form.submitted'));
      void navigate(`/grid/collection/${r.id}`);
    } catch (err) {
      void message.error(err instanceof ApiError ? err.message : (err as Error).message);
    }
  };

  const dateRule = { type: 'object' as const, message: t('gridCollection.form.invalidDate') };
  const picker = () => <DatePicker {...big} format={DAY} placeholder={t('gridCollection.form.datePlaceholder')} style={{ width: '100%' }} />;

  return (
    <div style={{ maxWidth: 560 }}>
      <PageHeader title={t('gridCollection.form.title')} extra={<Link to="/grid/collection">{t('gridCollection.detail.back')}</Link>} />
      <Card>
        <Form<Values> form={form} layout="vertical" requiredMark onFinish={finish} initialValues={{ kind: 'resident_arrival', date: dayjs() }}>
          <Form.Item name="kind" label={t('gridCollection.form.kind')} rules={[{ required: true }]}>
            <Select
              {...big}
              options={[...RECORD_KINDS.map((k) => ({ value: k, label: t(`gridCollection.kind.${k}`) })), { value: 'event', label: t('gridCollection.form.eventLink') }]}
              onChange={(k: string) => {
                if (k === 'event') void navigate('/grid/events/new');
                form.setFieldsValue({ placeId: undefined, personId: undefined, componentId: undefined, landlord: undefined });
                setSearch('');
              }}
            />
          </Form.Item>
          <Typography.Paragraph type="secondary" style={{ marginTop: -12 }}>
            {t('gridCollection.form.eventHint')} · <Link to="/grid/events/new">{t('gridCollection.form.eventLink')}</Link>
          </Typography.Paragraph>
          <Form.Item name="placeId" label={resident ? t('gridCollection.form.room') : t('gridCollection.form.site')} rules={[{ required: true }]}>
            <Select
              {...big}
              showSearch
              filterOption={false}
              onSearch={setSearch}
              loading={places.isFetching}
              placeholder={resident ? t('gridCollection.form.roomPlaceholder') : t('gridCollection.form.sitePlaceholder')}
              options={(places.data ?? []).map((p) => ({ value: p.id, label: p.label }))}
              onChange={() => form.setFieldsValue({ personId: undefined, landlord: undefined, componentId: undefined })}
            />
          </Form.Item>

          {kind === 'resident_arrival' && (
            <>
              <Form.Item name="name" label={t('gridCollection.form.name')} rules={[{ required: true, whitespace: true, max: NAME_MAX }]}>
                <Input {...big} maxLength={NAME_MAX} autoComplete="off" />
              </Form.Item>
              <Form.Item name="phone" label={t('gridCollection.form.phone')} rules={[{ pattern: /^1[3-9]\d{9}$/, message: t('gridCollection.form.phone') }]}>
                <Input {...big} inputMode="tel" maxLength={11} autoComplete="off" />
              </Form.Item>
              <Form.Item name="idNumber" label={t('gridCollection.form.idNumber')} rules={[{ pattern: /^\d{17}[\dXx]$/, message: t('gridCollection.form.idNumber') }]}>
                <Input {...big} maxLength={18} autoComplete="off" />
              </Form.Item>
              <Form.Item name="relation" label={t('gridCollection.form.relation')} rules={[{ required: true }]}>
                <Select {...big} options={RECORD_RELATIONS.map((r) => ({ value: r, label: t(`gridCollection.relation.${r}`) }))} />
              </Form.Item>
              {(relation === 'owner' || relation === 'co_owner') && (
                <Form.Item name="sharePercent" label={t('gridCollection.form.share')} rules={[{ required: true }]} initialValue={100}>
                  <InputNumber {...big} min={0.01} max={100} precision={2} style={{ width: '100%' }} />
                </Form.Item>
              )}
              {relation === 'tenant' ? (
                <>
                  <Form.Item name="landlord" label={t('gridCollection.form.landlord')}>
                    <Select
                      {...big}
                      allowClear
                      options={[
                        ...(members.data ?? []).map((m) => ({ value: m.personId, label: `${m.name}（${m.relations.map((r) => t(`gridCollection.relation.${r}`, { defaultValue: r })).join('、')}）` })),
                        { value: OTHER, label: t('gridCollection.form.landlordOther') },
                      ]}
                    />
                  </Form.Item>
                  {landlord === OTHER && (
                    <Form.Item name="landlordName" label={t('gridCollection.form.landlordName')} rules={[{ max: NAME_MAX }]}>
                      <Input {...big} maxLength={NAME_MAX} />
                    </Form.Item>
                  )}
                  <Form.Item name="contractStart" label={t('gridCollection.form.contractStart')} rules={[{ required: true }, dateRule]}>
                    {picker()}
                  </Form.Item>
                  <Form.Item
                    name="contractEnd"
                    label={t('gridCollection.form.contractEnd')}
                    dependencies={['contractStart']}
                    rules={[
                      { required: true },
                      dateRule,
                      ({ getFieldValue }) => ({
                        validator: (_, v?: Dayjs) => {
                          const start = getFieldValue('contractStart') as Dayjs | undefined;
                          return !v || !start || !v.isBefore(start, 'day') ? Promise.resolve() : Promise.reject(new Error(t('gridCollection.form.endBeforeStart')));
                        },
                      }),
                    ]}
                  >
                    {picker()}
                  </Form.Item>
                </>
              ) : (
                <Form.Item name="date" label={t('gridCollection.form.arrivalDate')} rules={[{ required: true }, dateRule]}>
                  {picker()}
                </Form.Item>
              )}
            </>
          )}

          {kind === 'resident_departure' && (
            <>
              <Form.Item name="personId" label={t('gridCollection.form.person')} rules={[{ required: true }]} extra={placeId && members.data?.length === 0 ? t('gridCollection.form.noMembers') : undefined}>
                <Select
                  {...big}
                  options={(members.data ?? []).map((m) => ({ value: m.personId, label: `${m.name} ${m.idNumberMasked ?? ''}（${m.relations.map((r) => t(`gridCollection.relation.${r}`, { defaultValue: r })).join('、')}）` }))}
                />
              </Form.Item>
              <Form.Item name="date" label={t('gridCollection.form.leavingDate')} rules={[{ required: true }, dateRule]}>
                {picker()}
              </Form.Item>
            </>
          )}

          {kind === 'legal_person' && (
            <>
              <Form.Item name="legalName" label={t('gridCollection.form.legalName')} rules={[{ required: true, whitespace: true, max: NAME_MAX }]}>
                <Input {...big} maxLength={NAME_MAX} />
              </Form.Item>
              <Form.Item name="legalKind" label={t('gridCollection.form.legalKind')} rules={[{ required: true }]}>
                <Select {...big} options={LEGAL_KINDS.map((k) => ({ value: k, label: t(`gridCollection.legalKind.${k}`) }))} />
              </Form.Item>
              <Form.Item name="creditCode" label={t('gridCollection.form.creditCode')} rules={[{ pattern: /^[0-9A-HJ-NPQRTUWXY]{18}$/, message: t('gridCollection.form.creditCode') }]}>
                <Input {...big} maxLength={18} />
              </Form.Item>
              <Form.Item name="contact" label={t('gridCollection.form.contact')} rules={[{ max: NAME_MAX }]}>
                <Input {...big} maxLength={NAME_MAX} />
              </Form.Item>
              <Form.Item name="location" label={t('gridCollection.form.location')} rules={[{ max: 200 }]}>
                <Input {...big} maxLength={200} />
              </Form.Item>
            </>
          )}

          {kind === 'component' && (
            <>
              <Form.Item name="componentId" label={t('gridCollection.form.existing')}>
                <Select
                  {...big}
                  allowClear
                  placeholder={t('gridCollection.form.existingNone')}
                  options={(components.data ?? []).map((c) => ({ value: c.id, label: `${t(`gridCollection.componentKind.${c.kind}`)} · ${c.location || '—'}（${t(`gridCollection.condition.${c.condition}`)}）` }))}
                  onChange={(id?: string) => {
                    const c = components.data?.find((x) => x.id === id);
                    if (c) form.setFieldsValue({ componentKind: c.kind, location: c.location });
                  }}
                />
              </Form.Item>
              <Form.Item name="componentKind" label={t('gridCollection.form.componentKind')} rules={[{ required: true }]}>
                <Select {...big} options={COMPONENT_KINDS.map((k) => ({ value: k, label: t(`gridCollection.componentKind.${k}`) }))} />
              </Form.Item>
              <Form.Item name="condition" label={t('gridCollection.form.condition')} rules={[{ required: true }]}>
                <Select {...big} options={COMPONENT_CONDITIONS.map((k) => ({ value: k, label: t(`gridCollection.condition.${k}`) }))} />
              </Form.Item>
              <Form.Item name="location" label={t('gridCollection.form.location')} rules={[{ max: 200 }]}>
                <Input {...big} maxLength={200} />
              </Form.Item>
              <Form.Item label={t('gridCollection.form.photos')}>
                <Space direction="vertical">
                  <input
                    type="file"
                    accept="image/jpeg,image/png,image/webp"
                    multiple
                    aria-label={t('gridCollection.form.addPhoto')}
                    onChange={async (e) => {
                      const files = [...(e.target.files ?? [])].slice(0, MAX_FILES);
                      setPhotos(await Promise.all(files.map((f) => shrinkPhoto(f, 5 * 1024 * 1024))));
                    }}
                  />
                  {photos.length > 0 && <Typography.Text type="secondary">{photos.map((p) => p.name).join('、')}</Typography.Text>}
                </Space>
              </Form.Item>
            </>
          )}

          {kind !== 'event' && (
            <>
              <Form.Item name="note" label={t('gridCollection.form.note')} rules={[{ max: NOTE_MAX }]}>
                <Input.TextArea rows={2} maxLength={NOTE_MAX} style={{ fontSize: 16 }} />
              </Form.Item>
              {/* No submit button in the form: Enter in a typed date confirms the date, it does not send the form. */}
              <Button type="primary" size="large" block loading={submit.isPending} onClick={() => form.submit()}>
                {t('gridCollection.form.submit')}
              </Button>
            </>
          )}
        </Form>
      </Card>
    </div>
  );
}
