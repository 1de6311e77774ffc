import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, Radio, Select, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { matterBasis, TITLE_MAX } from '#server/modules/decisions/contract.ts';
import { FormModal } from '../../../workbench/components/FormModal.tsx';
import { PlaceTreeSelect } from '../../registry/index.ts';
import { type CreateDecisionBody, useCreateDecision, useScrutineerCandidates } from '../api.ts';
import { thresholdOf, useMatterLabel } from './labels.tsx';

const MATTERS = [1, 2, 3, 4, 5, 6, 7, 8, 9];
const ORGANISER_KINDS = ['owners_committee', 'preparatory_group', 'residents_committee'] as const;
/** A compound, or a building or unit inside one (elevator retrofits are decided per stairwell). */
const SCOPE_KINDS = ['city', 'district', 'street', 'community', 'grid', 'compound', 'building', 'unit'] as const;

interface Values {
  placeId: string;
  title: string;
  description?: string;
  organiserKind: CreateDecisionBody['organiserKind'];
  organiserAuthority: string;
  items: { title: string; matter: number; legalBasis?: string }[];
  scrutineerIds?: string[];
}

/** 新建表决: a draft with its scope, organiser and items; it opens on the new decision's page. */
export function CreateDecisionModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const create = useCreateDecision();
  const matterLabel = useMatterLabel();

  const submit = async (v: Values) => {
    const { id } = await create.mutateAsync({
      placeId: v.placeId,
      title: v.title,
      description: v.description?.trim() || undefined,
      organiserKind: v.organiserKind,
      organiserAuthority: v.organiserAuthority,
      items: v.items.map((i) => ({ title: i.title, matter: i.matter, legalBasis: i.legalBasis?.trim() || undefined })),
      scrutineerIds: v.scrutineerIds?.length ? v.scrutineerIds : undefined,
    });
    void message.success(t('decisions.create.created'));
    navigate(`/decisions/${id}`);
  };

  return (
    <FormModal<Values>
      title={t('decisions.create.title')}
      open={open}
      onClose={onClose}
      submit={submit}
      okText={t('decisions.create.ok')}
      width={720}
      initialValues={{ organiserKind: 'owners_committee', items: [{ title: '', matter: 9 }] }}
      fieldForCode={{ PLACE_NOT_FOUND: 'placeId', SCOPE_NOT_IN_COMPOUND: 'placeId' }}
    >
      <Form.Item name="placeId" label={t('decisions.create.place')} extra={t('decisions.create.placeHint')} rules={[{ required: true, message: t('decisions.create.placeRequired') }]}>
        <PlaceTreeSelect kinds={SCOPE_KINDS} aria-label={t('decisions.create.place')} />
      </Form.Item>
      <Form.Item name="title" label={t('decisions.field.title')} rules={[{ required: true, whitespace: true, message: t('decisions.create.titleRequired') }]}>
        <Input maxLength={TITLE_MAX} showCount />
      </Form.Item>
      <Form.Item name="description" label={t('decisions.field.description')}>
        <Input.TextArea rows={3} maxLength={4000} />
      </Form.Item>
      <Form.Item name="organiserKind" label={t('decisions.field.organiserKind')} rules={[{ required: true, message: t('decisions.create.organiserKindRequired') }]}>
        <Radio.Group options={ORGANISER_KINDS.map((k) => ({ value: k, label: t(`decisions.organiserKind.${k}`) }))} />
      </Form.Item>
      <Form.Item
        name="organiserAuthority"
        label={t('decisions.field.organiserAuthority')}
        extra={t('decisions.create.authorityHint')}
        rules={[{ required: true, whitespace: true, message: t('decisions.create.authorityRequired') }]}
      >
        <Input maxLength={500} />
      </Form.Item>
      <Typography.Title level={5}>{t('decisions.create.items')}</Typography.Title>
      <Form.List name="items" rules={[{ validator: async (_, items) => (items?.length ? undefined : Promise.reject(new Error(t('decisions.create.itemsRequired')))) }]}>
        {(fields, { add, remove }, { errors }) => (
          <>
            {fields.map((field, index) => (
              <Card
                key={field.key}
                size="small"
                style={{ marginBottom: 12 }}
                title={t('decisions.create.itemTitle', { no: index + 1 })}
                extra={
                  fields.length > 1 && (
                    <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('decisions.create.removeItem')} />
                  )
                }
              >
                <Form.Item name={[field.name, 'title']} label={t('decisions.field.items')} rules={[{ required: true, whitespace: true, message: t('decisions.create.itemTitleRequired') }]}>
                  <Input maxLength={200} />
                </Form.Item>
                <Form.Item name={[field.name, 'matter']} label={t('decisions.field.matter')} rules={[{ required: true, message: t('decisions.create.matterRequired') }]}>
                  <Select
                    options={MATTERS.map((m) => ({
                      value: m,
                      label: (
                        <span>
                          ({m}) {matterLabel(m)}{' '}
                          <Tag color={thresholdOf(m) === 'three_quarters' ? 'volcano' : 'blue'}>{t(`decisions.threshold.short.${thresholdOf(m)}`)}</Tag>
                        </span>
                      ),
                    }))}
                  />
                </Form.Item>
                <Form.Item noStyle shouldUpdate={(a, b) => a.items?.[field.name]?.matter !== b.items?.[field.name]?.matter}>
                  {({ getFieldValue }) => {
                    const matter = getFieldValue(['items', field.name, 'matter']) as number | undefined;
                    return (
                      <Form.Item
                        name={[field.name, 'legalBasis']}
                        label={t('decisions.field.legalBasis')}
                        extra={matter ? t(`decisions.threshold.${thresholdOf(matter)}`) : undefined}
                        style={{ marginBottom: 0 }}
                      >
                        <Input maxLength={500} placeholder={matter ? t('decisions.create.legalBasisHint', { basis: matterBasis(matter) }) : undefined} />
                      </Form.Item>
                    );
                  }}
                </Form.Item>
              </Card>
            ))}
            <Form.ErrorList errors={errors} />
            <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ title: '', matter: 9 })} disabled={fields.length >= 50}>
              {t('decisions.create.addItem')}
            </Button>
          </>
        )}
      </Form.List>
      <ScrutineersField />
    </FormModal>
  );
}

/** 监票人: named from the committees and offices over the chosen place; they alone besides the owners' committee and the street see the choices. */
function ScrutineersField() {
  const { t } = useTranslation();
  const placeId = Form.useWatch('placeId', Form.useFormInstance<Values>());
  const candidates = useScrutineerCandidates(placeId);
  return (
    <Form.Item name="scrutineerIds" label={t('decisions.create.scrutineers')} extra={t('decisions.create.scrutineersNote')} style={{ marginTop: 12 }}>
      <Select
        mode="multiple"
        allowClear
        disabled={!placeId}
        loading={candidates.isFetching}
        placeholder={placeId ? t('decisions.create.scrutineersPick') : t('decisions.create.scrutineersPlaceFirst')}
        optionFilterProp="label"
        options={(candidates.data?.items ?? []).map((a) => ({ value: a.id, label: `${a.name}（${a.roles.map((r) => `${r.label} · ${r.place}`).join('、')}）` }))}
        aria-label={t('decisions.create.scrutineers')}
      />
    </Form.Item>
  );
}
