import { Form, Input, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { AREA_RE, AREA_SOURCES, MANAGEMENT_MODES, ROOM_USES } from '#server/modules/registry/contract.ts';
import { FormModal } from '../../../workbench/components/FormModal.tsx';
import { type Place, type PlaceKind, useCreatePlace, useUpdatePlace } from '../api.ts';
import { OrganisationSelect } from './selects.tsx';

interface Values {
  kind: PlaceKind;
  name: string;
  room?: { floor?: number | null; area: string; areaSource: (typeof AREA_SOURCES)[number]; use: (typeof ROOM_USES)[number]; deliveredOn?: string | null };
  compound?: { managementMode: (typeof MANAGEMENT_MODES)[number]; propertyCompanyId?: string | null; address?: string | null };
}

const FIELD_FOR_CODE = {
  NAME_TAKEN: 'name',
  ROOM_NUMBER_TAKEN: 'name',
  PLACE_KIND_NOT_ALLOWED: 'kind',
  ROOM_DETAILS_REQUIRED: ['room', 'area'],
  PROPERTY_COMPANY_INVALID: ['compound', 'propertyCompanyId'],
};

type Props = { open: boolean; onClose: () => void } & ({ mode: 'create'; parent: Place } | { mode: 'edit'; place: Place });

/** Adds a place under another (compound → building → unit → room) or edits one. */
export function PlaceFormModal(props: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreatePlace();
  const update = useUpdatePlace(props.mode === 'edit' ? props.place.id : '');
  const place = props.mode === 'edit' ? props.place : null;
  const kinds = props.mode === 'create' ? props.parent.addableKinds : [props.place.kind];

  const submit = async (v: Values) => {
    if (props.mode === 'create') {
      const created = await create.mutateAsync({
        parentId: props.parent.id,
        kind: v.kind,
        name: v.name,
        room: v.room,
        compound: v.compound,
      });
      navigate(`/registry/places/${created.id}`);
    } else {
      await update.mutateAsync({ name: v.name, room: v.room, compound: v.compound });
    }
  };

  return (
    <FormModal<Values>
      title={
        props.mode === 'edit'
          ? t('place.edit', { name: props.place.name })
          : kinds.length === 1
            ? t('place.addKindUnder', { name: props.parent.name, kind: t(`place.kind.${kinds[0]}`) })
            : t('place.addUnder', { name: props.parent.name })
      }
      open={props.open}
      onClose={props.onClose}
      submit={submit}
      fieldForCode={FIELD_FOR_CODE}
      initialValues={{
        kind: kinds[0],
        name: place?.name,
        room: place?.room
          ? ({ floor: place.room.floor, area: place.room.area, areaSource: place.room.areaSource, use: place.room.use, deliveredOn: place.room.deliveredOn } as Values['room'])
          : ({ areaSource: 'register', use: 'residential' } as Values['room']),
        compound: place?.compound
          ? {
              managementMode: place.compound.managementMode,
              propertyCompanyId: place.compound.propertyCompanyId,
              address: place.compound.address,
            }
          : { managementMode: 'professional' },
      }}
    >
      <PlaceFields kinds={kinds} editing={props.mode === 'edit'} companyName={place?.compound?.propertyCompanyName ?? undefined} />
    </FormModal>
  );
}

function PlaceFields({ kinds, editing, companyName }: { kinds: readonly PlaceKind[]; editing: boolean; companyName?: string }) {
  const { t } = useTranslation();
  const kind = Form.useWatch('kind', Form.useFormInstance<Values>()) ?? kinds[0];
  const required = { required: true, message: t('validation.required') };
  return (
    <>
      <Form.Item name="kind" label={t('place.kindLabel')} rules={[required]} hidden={editing || kinds.length < 2}>
        <Select options={kinds.map((k) => ({ value: k, label: t(`place.kind.${k}`) }))} />
      </Form.Item>
      <Form.Item
        name="name"
        label={kind === 'room' ? t('room.number') : t('place.name')}
        rules={[required, { whitespace: true, message: t('validation.required') }, { max: 100 }]}
        extra={kind === 'building' ? t('place.nameHintBuilding') : kind === 'room' ? t('place.nameHintRoom') : undefined}
      >
        <Input autoFocus />
      </Form.Item>
      {kind === 'room' && (
        <>
          <Form.Item
            name={['room', 'area']}
            label={t('room.areaM2')}
            rules={[
              required,
              { pattern: AREA_RE, message: t('validation.area') },
              {
                validator: async (_, v) =>
                  v !== undefined && Number(v) <= 0 ? Promise.reject(new Error(t('validation.area'))) : undefined,
              },
            ]}
            extra={t('room.areaHint')}
          >
            <Input inputMode="decimal" suffix="m²" style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name={['room', 'areaSource']} label={t('room.areaSource')} rules={[required]}>
            <Select options={AREA_SOURCES.map((s) => ({ value: s, label: t(`room.source.${s}`) }))} />
          </Form.Item>
          <Form.Item name={['room', 'use']} label={t('room.use')} rules={[required]}>
            <Select options={ROOM_USES.map((u) => ({ value: u, label: t(`room.useKind.${u}`) }))} />
          </Form.Item>
          <Form.Item name={['room', 'floor']} label={t('room.floor')}>
            <InputNumber min={-10} max={200} precision={0} />
          </Form.Item>
          <Form.Item name={['room', 'deliveredOn']} label={t('room.deliveredOn')} extra={t('room.deliveredOnHint')} normalize={(v: string) => v || null}>
            <Input type="date" style={{ width: 200 }} />
          </Form.Item>
        </>
      )}
      {kind === 'compound' && (
        <>
          <Form.Item name={['compound', 'managementMode']} label={t('compound.managementMode')} rules={[required]}>
            <Select options={MANAGEMENT_MODES.map((m) => ({ value: m, label: t(`compound.mode.${m}`) }))} />
          </Form.Item>
          <Form.Item name={['compound', 'propertyCompanyId']} label={t('compound.propertyCompany')}>
            <OrganisationSelect kind="property_company" valueLabel={companyName} allowClear />
          </Form.Item>
          <Form.Item name={['compound', 'address']} label={t('compound.address')} rules={[{ max: 200 }]}>
            <Input />
          </Form.Item>
        </>
      )}
    </>
  );
}
