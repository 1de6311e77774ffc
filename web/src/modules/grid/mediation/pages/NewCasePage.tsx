import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Form, Input, Row, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { MAX_MEDIATORS, MEDIATION_CATEGORIES, MEDIATION_SOURCES, PARTY_ROLES } from '#server/modules/grid/contract.ts';
import { PageHeader } from '../../../../workbench/components/PageHeader.tsx';
import { QueryView } from '../../../../workbench/components/QueryView.tsx';
import { showServerErrors } from '../../../../workbench/components/server-errors.ts';
import { type OpenBody, useArrearsCases, useOpenCase, usePlaces } from '../api.ts';

interface Values {
  placeId: string;
  source: string;
  sourceRef?: string;
  sourceTitle?: string;
  category: string;
  summary: string;
  parties: { name: string; role: string; phone?: string; room?: string }[];
  mediatorIds?: string[];
}

/**
 * 登记调解案件: the place (a compound or community with a committee), source (prefilled from a grid event's
 * 「转人民调解」: ?source=grid_event&sourceRef=…&placeId=…&sourceTitle=…), category, summary, two or more parties
 * (name, role, phone, room), and optionally 1–3 of the committee's mediators. 提交 lands on the new case.
 */
export function NewCasePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const places = usePlaces();
  const open = useOpenCase();
  const [form] = Form.useForm<Values>();
  const [banner, setBanner] = useState<string | null>(null);
  const placeId = Form.useWatch('placeId', form);
  const source = Form.useWatch('source', form);
  const arrears = useArrearsCases(source === 'arrears');

  const submit = async (v: Values) => {
    setBanner(null);
    const body: OpenBody = {
      ...v,
      sourceRef: v.sourceRef || undefined,
      sourceTitle: v.sourceTitle || undefined,
      parties: v.parties.map((p) => ({ name: p.name, role: p.role, phone: p.phone || undefined, room: p.room || undefined })),
      mediatorIds: v.mediatorIds?.length ? v.mediatorIds : undefined,
    };
    try {
      const made = await open.mutateAsync(body);
      void navigate(`/grid/mediation/${made.id}`);
    } catch (err) {
      setBanner(showServerErrors(form, err));
    }
  };

  return (
    <QueryView query={places}>
      {(p) => {
        const items = p.items;
        const place = items.find((x) => x.id === placeId);
        return (
          <>
            <PageHeader title={t('gridMediation.new.title')} />
            {items.length === 0 ? (
              <Alert type="info" showIcon message={t('gridMediation.new.noPlaces')} />
            ) : (
              <Card>
                {banner && <Alert type="error" showIcon message={banner} style={{ marginBottom: 16 }} />}
                <Form<Values>
                  form={form}
                  layout="vertical"
                  onFinish={submit}
                  initialValues={{
                    placeId: items.some((x) => x.id === params.get('placeId')) ? params.get('placeId') : items[0]!.id,
                    source: MEDIATION_SOURCES.includes(params.get('source') as never) ? params.get('source') : 'other',
                    sourceRef: params.get('sourceRef') ?? undefined,
                    sourceTitle: params.get('sourceTitle') ?? undefined,
                    parties: [
                      { name: '', role: 'applicant' },
                      { name: '', role: 'respondent' },
                    ],
                  }}
                >
                  <Row gutter={16}>
                    <Col xs={24} md={12}>
                      <Form.Item name="placeId" label={t('gridMediation.new.place')} rules={[{ required: true }]}>
                        <Select
                          showSearch
                          optionFilterProp="label"
                          placeholder={t('gridMediation.new.placePlaceholder')}
                          options={items.map((x) => ({ value: x.id, label: x.kind === 'community' ? x.name : `${x.communityName} · ${x.name}` }))}
                          onChange={() => form.setFieldValue('mediatorIds', [])}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={12}>
                      <Form.Item name="category" label={t('gridMediation.new.category')} rules={[{ required: true }]}>
                        <Select options={MEDIATION_CATEGORIES.map((c) => ({ value: c, label: t(`gridMediation.category.${c}`) }))} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={8}>
                      <Form.Item name="source" label={t('gridMediation.new.source')} rules={[{ required: true }]}>
                        <Select options={MEDIATION_SOURCES.map((s) => ({ value: s, label: t(`gridMediation.source.${s}`) }))} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={8}>
                      {source === 'arrears' ? (
                        // A case the property company handed to mediation: its room's compound becomes the case's place.
                        <Form.Item name="sourceRef" label={t('gridMediation.new.sourceRefArrears')} rules={[{ required: true }]} extra={arrears.data?.items.length === 0 ? t('gridMediation.new.noArrears') : undefined}>
                          <Select
                            loading={arrears.isLoading}
                            showSearch
                            optionFilterProp="label"
                            options={(arrears.data?.items ?? []).map((c) => ({ value: c.id, label: t('gridMediation.new.arrearsOption', { compound: c.compoundName, room: c.roomLabel, amount: (c.amountFen / 100).toFixed(2) }) }))}
                            onChange={(id: string) => {
                              const c = arrears.data?.items.find((x) => x.id === id);
                              if (c && items.some((x) => x.id === c.compoundId)) form.setFieldValue('placeId', c.compoundId);
                            }}
                          />
                        </Form.Item>
                      ) : (
                        <Form.Item name="sourceRef" label={source === 'grid_event' ? t('gridMediation.new.sourceRefEvent') : t('gridMediation.new.sourceRef')} rules={[{ required: source === 'grid_event', max: 60 }]}>
                          <Input maxLength={60} />
                        </Form.Item>
                      )}
                    </Col>
                    <Col xs={24} md={8}>
                      <Form.Item name="sourceTitle" label={t('gridMediation.new.sourceTitle')} rules={[{ max: 100 }]}>
                        <Input maxLength={100} />
                      </Form.Item>
                    </Col>
                  </Row>
                  <Form.Item name="summary" label={t('gridMediation.new.summary')} rules={[{ required: true, whitespace: true, max: 1000 }]}>
                    <Input.TextArea rows={3} maxLength={1000} showCount placeholder={t('gridMediation.new.summaryPlaceholder')} />
                  </Form.Item>
                  <Form.List name="parties" rules={[{ validator: async (_, v: unknown[]) => (v?.length >= 2 ? undefined : Promise.reject(new Error(t('gridMediation.new.atLeastTwo')))) }]}>
                    {(fields, { add, remove }, { errors }) => (
                      <Form.Item label={t('gridMediation.new.parties')} required>
                        {fields.map((f) => (
                          <Space key={f.key} align="baseline" wrap style={{ display: 'flex', marginBottom: 8 }}>
                            <Form.Item name={[f.name, 'role']} rules={[{ required: true }]} noStyle>
                              <Select style={{ width: 120 }} options={PARTY_ROLES.map((r) => ({ value: r, label: t(`gridMediation.partyRole.${r}`) }))} />
                            </Form.Item>
                            <Form.Item name={[f.name, 'name']} rules={[{ required: true, whitespace: true, max: 60 }]} style={{ marginBottom: 0 }}>
                              <Input placeholder={t('gridMediation.new.partyName')} maxLength={60} style={{ width: 180 }} />
                            </Form.Item>
                            <Form.Item name={[f.name, 'phone']} rules={[{ pattern: /^1[3-9]\d{9}$/, message: t('gridMediation.new.partyPhone') }]} style={{ marginBottom: 0 }}>
                              <Input placeholder={t('gridMediation.new.partyPhone')} maxLength={11} style={{ width: 160 }} inputMode="tel" />
                            </Form.Item>
                            <Form.Item name={[f.name, 'room']} rules={[{ max: 40 }]} style={{ marginBottom: 0 }}>
                              <Input placeholder={t('gridMediation.new.partyRoom')} maxLength={40} style={{ width: 180 }} />
                            </Form.Item>
                            {fields.length > 2 && (
                              <Button type="text" icon={<MinusCircleOutlined />} onClick={() => remove(f.name)}>
                                {t('gridMediation.new.removeParty')}
                              </Button>
                            )}
                          </Space>
                        ))}
                        {fields.length < 10 && (
                          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', role: 'other' })}>
                            {t('gridMediation.new.addParty')}
                          </Button>
                        )}
                        <Form.ErrorList errors={errors} />
                      </Form.Item>
                    )}
                  </Form.List>
                  <Form.Item name="mediatorIds" label={t('gridMediation.new.mediators')} extra={t('gridMediation.new.mediatorsHelp')} rules={[{ type: 'array', max: MAX_MEDIATORS }]}>
                    <Select mode="multiple" maxCount={MAX_MEDIATORS} options={(place?.mediators ?? []).map((m) => ({ value: m.id, label: `${m.name}（${t(`gridMediation.title.${m.title}`)}）` }))} />
                  </Form.Item>
                  <Space>
                    <Button type="primary" htmlType="submit" loading={open.isPending}>
                      {t('gridMediation.new.submit')}
                    </Button>
                    <Button onClick={() => void navigate('/grid/mediation')}>{t('gridMediation.new.cancel')}</Button>
                  </Space>
                </Form>
              </Card>
            )}
          </>
        );
      }}
    </QueryView>
  );
}
