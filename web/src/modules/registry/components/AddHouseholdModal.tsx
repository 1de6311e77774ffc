import { Alert, DatePicker, Form, Input, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { RELATIONS } from '#server/modules/registry/contract.ts';
import { percentToBp } from '../../../shared/format.ts';
import { useChangeOutcome } from '../../../workbench/components/approval-notice.tsx';
import { FormModal } from '../../../workbench/components/FormModal.tsx';
import { type Relation, useAddHousehold } from '../api.ts';
import { OrganisationSelect, PersonSelect } from './selects.tsx';

interface Values {
  holderType: 'person' | 'organisation';
  personId?: string;
  organisationId?: string;
  relation: Relation;
  sharePercent?: string;
  startDate?: Dayjs;
}

const OWNERSHIP: readonly Relation[] = ['owner', 'co_owner'];

/** Links a person (or the developer, for unsold rooms) to a room. */
export function AddHouseholdModal({ roomId, open, onClose }: { roomId: string; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const add = useAddHousehold();
  const outcome = useChangeOutcome();

  const submit = async (v: Values) => {
    const ownership = OWNERSHIP.includes(v.relation);
    const result = await add.mutateAsync({
      roomId,
      personId: v.holderType === 'person' ? v.personId : undefined,
      organisationId: v.holderType === 'organisation' ? v.organisationId : undefined,
      relation: v.holderType === 'organisation' ? 'owner' : v.relation,
      shareBp: ownership && v.sharePercent ? percentToBp(v.sharePercent) : null,
      startDate: v.startDate ? v.startDate.format('YYYY-MM-DD') : null,
    });
    outcome(result, t('household.added'));
  };

  return (
    <FormModal<Values>
      title={t('household.add')}
      open={open}
      onClose={onClose}
      submit={submit}
      okText={t('common.submit')}
      initialValues={{ holderType: 'person', relation: 'owner', sharePercent: '100' }}
      fieldForCode={{
        SHARE_REQUIRED: 'sharePercent',
        HOUSEHOLD_EXISTS: 'relation',
        PERSON_NOT_FOUND: 'personId',
        ORGANISATION_NOT_FOUND: 'organisationId',
        ONLY_OWNER_FOR_ORGANISATION: 'relation',
      }}
    >
      <HouseholdFields />
    </FormModal>
  );
}

function HouseholdFields() {
  const { t } = useTranslation();
  const form = Form.useFormInstance<Values>();
  const holderType = Form.useWatch('holderType', form);
  const relation = Form.useWatch('relation', form);
  const byOrganisation = holderType === 'organisation';
  const ownership = byOrganisation || OWNERSHIP.includes(relation);
  return (
    <>
      <Form.Item name="holderType" label={t('household.holderType')}>
        <Radio.Group
          options={[
            { value: 'person', label: t('household.holderPerson') },
            { value: 'organisation', label: t('household.holderDeveloper') },
          ]}
        />
      </Form.Item>
      {byOrganisation ? (
        <Form.Item name="organisationId" label={t('household.developer')} rules={[{ required: true, message: t('validation.pickOne') }]}>
          <OrganisationSelect kind="developer" />
        </Form.Item>
      ) : (
        <>
          <Form.Item
            name="personId"
            label={t('household.person')}
            rules={[{ required: true, message: t('validation.pickOne') }]}
            extra={t('household.personHint')}
          >
            <PersonSelect />
          </Form.Item>
          <Form.Item name="relation" label={t('household.relationLabel')} rules={[{ required: true }]}>
            <Select options={RELATIONS.map((r) => ({ value: r, label: t(`household.relation.${r}`) }))} />
          </Form.Item>
        </>
      )}
      {ownership && (
        <Form.Item
          name="sharePercent"
          label={t('household.sharePercent')}
          extra={t('household.shareHint')}
          rules={[
            { required: true, message: t('validation.required') },
            { validator: async (_, v) => (v && percentToBp(v) === null ? Promise.reject(new Error(t('validation.share'))) : undefined) },
          ]}
        >
          <Input inputMode="decimal" suffix="%" style={{ width: 160 }} />
        </Form.Item>
      )}
      <Form.Item name="startDate" label={t('household.startDate')}>
        <DatePicker format="YYYY-MM-DD" />
      </Form.Item>
      <Alert
        type={ownership ? 'warning' : 'info'}
        showIcon
        title={ownership ? t('household.ownerChangeNeedsApproval') : t('household.takesEffectNow')}
      />
    </>
  );
}
