import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ORGANISATION_KINDS, PARTY_LEVELS } from '#server/modules/registry/contract.ts';
import { FormModal } from '../../../workbench/components/FormModal.tsx';
import { type Organisation, useCreateOrganisation, useUpdateOrganisation } from '../api.ts';
import { useDefaultPlace } from '../default-place.ts';
import { AREA_KINDS, PlaceTreeSelect } from './PlaceTreeSelect.tsx';
import { OrganisationSelect } from './selects.tsx';

type Kind = (typeof ORGANISATION_KINDS)[number];
type PartyLevel = (typeof PARTY_LEVELS)[number];

interface Values {
  placeId?: string;
  kind: Kind;
  name: string;
  partyLevel?: PartyLevel | null;
  parentId?: string | null;
  creditCode?: string | null;
  contactPhone?: string | null;
}

// A building party group (楼栋党小组) sits at a building.
const ORGANISATION_PLACE_KINDS = [...AREA_KINDS, 'building'] as const;
const CREDIT_CODE_RE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;
const FIELD_FOR_CODE = { PARTY_PARENT_INVALID: 'parentId', PHONE_INVALID: 'contactPhone', PLACE_NOT_FOUND: 'placeId' };

type Props = { open: boolean; onClose: () => void } & ({ mode: 'create' } | { mode: 'edit'; organisation: Organisation });

/** Registers or edits an organisation; party organisations also name their level and parent. */
export function OrganisationFormModal(props: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const place = useDefaultPlace();
  const create = useCreateOrganisation();
  const org = props.mode === 'edit' ? props.organisation : null;
  const update = useUpdateOrganisation(org?.id ?? '');

  const submit = async (v: Values) => {
    const party = v.kind === 'party_org';
    const common = {
      name: v.name,
      partyLevel: party ? (v.partyLevel ?? null) : null,
      parentId: party ? (v.parentId ?? null) : null,
      creditCode: v.creditCode?.trim() || null,
      // The phone comes back masked: left empty it stays as it is.
      ...(v.contactPhone?.trim() ? { contactPhone: v.contactPhone.trim() } : org ? {} : { contactPhone: null }),
    };
    if (org) {
      await update.mutateAsync(common);
    } else {
      const created = await create.mutateAsync({ ...common, placeId: v.placeId!, kind: v.kind });
      navigate(`/registry/organisations/${created.id}`);
    }
  };

  return (
    <FormModal<Values>
      title={org ? t('organisation.edit', { name: org.name }) : t('organisation.create')}
      open={props.open}
      onClose={props.onClose}
      submit={submit}
      fieldForCode={FIELD_FOR_CODE}
      initialValues={{
        placeId: place?.id,
        kind: (org?.kind ?? 'residents_committee') as Kind,
        name: org?.name,
        partyLevel: org?.partyLevel as PartyLevel | null | undefined,
        parentId: org?.parentId,
        creditCode: org?.creditCode,
      }}
    >
      <OrganisationFields editing={org} placeLabel={place?.name} />
    </FormModal>
  );
}

function OrganisationFields({ editing, placeLabel }: { editing: Organisation | null; placeLabel?: string }) {
  const { t } = useTranslation();
  const kind = Form.useWatch('kind', Form.useFormInstance<Values>());
  const required = { required: true, message: t('validation.required') };
  return (
    <>
      {!editing && (
        <>
          <Form.Item name="placeId" label={t('organisation.place')} rules={[{ required: true, message: t('validation.pickOne') }]}>
            <PlaceTreeSelect kinds={ORGANISATION_PLACE_KINDS} valueLabel={placeLabel} />
          </Form.Item>
          <Form.Item name="kind" label={t('organisation.kindLabel')} rules={[required]}>
            <Select options={ORGANISATION_KINDS.map((k) => ({ value: k, label: t(`organisation.kind.${k}`) }))} />
          </Form.Item>
        </>
      )}
      <Form.Item
        name="name"
        label={t('organisation.name')}
        rules={[required, { whitespace: true, message: t('validation.required') }, { max: 100 }]}
      >
        <Input autoFocus />
      </Form.Item>
      {kind === 'party_org' && (
        <>
          <Form.Item name="partyLevel" label={t('organisation.partyLevelLabel')} rules={[required]}>
            <Select options={PARTY_LEVELS.map((l) => ({ value: l, label: t(`organisation.partyLevel.${l}`) }))} />
          </Form.Item>
          <Form.Item name="parentId" label={t('organisation.parentParty')} extra={t('organisation.parentPartyHint')}>
            <OrganisationSelect kind="party_org" valueLabel={editing?.parentName ?? undefined} allowClear />
          </Form.Item>
        </>
      )}
      <Form.Item
        name="creditCode"
        label={t('organisation.creditCode')}
        rules={[{ pattern: CREDIT_CODE_RE, message: t('validation.creditCode') }]}
      >
        <Input maxLength={18} />
      </Form.Item>
      <Form.Item
        name="contactPhone"
        label={t('organisation.contactPhone')}
        extra={editing?.contactPhone ? t('person.currentKeep', { value: editing.contactPhone }) : undefined}
        rules={[{ pattern: /^1\d{10}$/, message: t('validation.mobile') }]}
      >
        <Input inputMode="tel" maxLength={11} />
      </Form.Item>
    </>
  );
}
