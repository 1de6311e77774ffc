import { Alert, App, Form, Input, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { DESCRIPTION_MAX, TITLE_MAX } from '#server/modules/deliberation/contract.ts';
import { FormModal } from '../../../workbench/components/FormModal.tsx';
import { PlaceTreeSelect } from '../../registry/index.ts';
import { type CreateItemBody, useCreateItem } from '../api.ts';

/** Grids only to reach the compounds under them: the server takes a compound, community or street. */
const PLACE_KINDS = ['city', 'district', 'street', 'community', 'grid', 'compound'] as const;
const KINDS = ['official', 'grid_report', 'meeting'] as const;

interface Values {
  placeId: string;
  title: string;
  description?: string;
  sourceKind?: (typeof KINDS)[number];
  sourceRefId?: string;
  isPublic: boolean;
}

/** 登记议题: an official's own item, a grid report or a meeting's; it opens on the new item's page. */
export function CreateItemModal({ open, onClose, placeId }: { open: boolean; onClose: () => void; placeId?: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const create = useCreateItem();
  const submit = async (v: Values) => {
    const body: CreateItemBody = {
      placeId: v.placeId,
      title: v.title,
      description: v.description?.trim() ?? '',
      isPublic: v.isPublic,
      ...(v.sourceKind ? { sourceKind: v.sourceKind } : {}),
      ...(v.sourceKind === 'meeting' && v.sourceRefId ? { sourceRefId: v.sourceRefId.trim() } : {}),
    };
    const { id, code } = await create.mutateAsync(body);
    void message.success(t('deliberation.create.created', { code }));
    navigate(`/deliberation/items/${id}`);
  };
  return (
    <FormModal<Values>
      title={t('deliberation.create.title')}
      open={open}
      onClose={onClose}
      submit={submit}
      okText={t('deliberation.create.button')}
      width={640}
      initialValues={{ isPublic: true, ...(placeId ? { placeId } : {}) }}
      fieldForCode={{ PLACE_NOT_FOUND: 'placeId', PLACE_KIND: 'placeId', PLACE_ABOVE_STREET: 'placeId', MEETING_REF_REQUIRED: 'sourceRefId' }}
    >
      <Alert type="info" showIcon title={t('deliberation.create.hint')} style={{ marginBottom: 16 }} />
      <Form.Item name="placeId" label={t('deliberation.create.placeLabel')} rules={[{ required: true, message: t('validation.required') }]}>
        <PlaceTreeSelect kinds={PLACE_KINDS} aria-label={t('deliberation.create.placeLabel')} />
      </Form.Item>
      <Form.Item name="title" label={t('deliberation.field.title')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
        <Input maxLength={TITLE_MAX} showCount />
      </Form.Item>
      <Form.Item name="description" label={t('deliberation.field.description')}>
        <Input.TextArea rows={5} maxLength={DESCRIPTION_MAX} showCount />
      </Form.Item>
      <Form.Item name="sourceKind" label={t('deliberation.create.sourceKindLabel')}>
        <Select allowClear options={KINDS.map((k) => ({ value: k, label: t(`deliberation.source.${k}`) }))} />
      </Form.Item>
      <Form.Item noStyle shouldUpdate={(a: Values, b: Values) => a.sourceKind !== b.sourceKind}>
        {({ getFieldValue }) =>
          getFieldValue('sourceKind') === 'meeting' && (
            <Form.Item name="sourceRefId" label={t('deliberation.create.meetingRef')} rules={[{ required: true, message: t('validation.required') }]}>
              <Input />
            </Form.Item>
          )
        }
      </Form.Item>
      <Form.Item name="isPublic" label={t('deliberation.create.isPublicLabel')} valuePropName="checked">
        <Switch />
      </Form.Item>
    </FormModal>
  );
}
