import { App, DatePicker, Form, Input, Radio, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { TITLE_MAX } from '#server/modules/decisions/contract.ts';
import { FormModal } from '../../../../workbench/components/FormModal.tsx';
import { useScope } from '../../../../workbench/scope.tsx';
import { PlaceTreeSelect } from '../../../registry/index.ts';
import { useScrutineerCandidates } from '../../api.ts';
import { type CreateElectionBody, useCreateElection } from '../api.ts';
import '../i18n.ts';

const ORGANISER_KINDS = ['owners_committee', 'preparatory_group', 'residents_committee'] as const;

interface Values {
  compoundId: string;
  title: string;
  description?: string;
  organiserKind: CreateElectionBody['organiserKind'];
  organiserAuthority: string;
  nominationUntil?: Dayjs;
  scrutineerIds?: string[];
}

/**
 * 发起业委会选举: a draft election at one compound. Seats, term, alternates and the tie rule come from the
 * compound's rules in force (the server copies them); the candidates are nominated on the election's page.
 */
export function CreateElectionModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { scope } = useScope();
  const create = useCreateElection();

  const submit = async (v: Values) => {
    const { id } = await create.mutateAsync({
      compoundId: v.compoundId,
      title: v.title.trim(),
      description: v.description?.trim() || undefined,
      organiserKind: v.organiserKind,
      organiserAuthority: v.organiserAuthority.trim(),
      nominationUntil: v.nominationUntil ? v.nominationUntil.format('YYYY-MM-DD') : undefined,
      scrutineerIds: v.scrutineerIds?.length ? v.scrutineerIds : undefined,
    });
    void message.success(t('decisionsElection.create.created'));
    navigate(`/decisions/${id}`);
  };

  return (
    <FormModal<Values>
      title={t('decisionsElection.create.title')}
      open={open}
      onClose={onClose}
      submit={submit}
      okText={t('decisionsElection.create.ok')}
      width={640}
      initialValues={{ organiserKind: 'owners_committee', title: t('decisionsElection.create.defaultTitle', { n: '一' }), compoundId: scope?.id }}
      fieldForCode={{ PLACE_NOT_FOUND: 'compoundId', NOT_A_COMPOUND: 'compoundId', SCOPE_NOT_IN_COMPOUND: 'compoundId' }}
    >
      <Form.Item name="compoundId" label={t('decisionsElection.create.compound')} rules={[{ required: true, message: t('decisionsElection.create.compoundRequired') }]}>
        <PlaceTreeSelect valueLabel={scope?.name} placeholder={t('decisionsElection.create.compoundPlaceholder')} aria-label={t('decisionsElection.create.compound')} />
      </Form.Item>
      <Form.Item name="title" label={t('decisionsElection.create.name')} rules={[{ required: true, whitespace: true, message: t('decisionsElection.create.titleRequired') }]}>
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
      <Form.Item name="nominationUntil" label={t('decisionsElection.create.nominationUntil')} extra={t('decisionsElection.create.nominationUntilHint')}>
        <DatePicker style={{ width: 200 }} aria-label={t('decisionsElection.create.nominationUntil')} />
      </Form.Item>
      <ScrutineersField />
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {t('decisionsElection.create.rulesHint')}
      </Typography.Paragraph>
    </FormModal>
  );
}

/** 监票人, named from the committees and offices over the compound (as for any decision). */
function ScrutineersField() {
  const { t } = useTranslation();
  const placeId = Form.useWatch('compoundId', Form.useFormInstance<Values>());
  const candidates = useScrutineerCandidates(placeId);
  return (
    <Form.Item name="scrutineerIds" label={t('decisions.create.scrutineers')} extra={t('decisions.create.scrutineersNote')}>
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
