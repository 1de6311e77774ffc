import { Checkbox, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { todayInShanghai } from '../../../shared/format.ts';
import { useNavigate } from 'react-router';
import { PERSON_TAGS } from '#server/modules/registry/contract.ts';
import { FormModal } from '../../../workbench/components/FormModal.tsx';
import { type Person, useCreatePerson, useUpdatePerson } from '../api.ts';
import { useDefaultPlace } from '../default-place.ts';
import { PlaceTreeSelect } from './PlaceTreeSelect.tsx';

type Tag = (typeof PERSON_TAGS)[number];

interface Values {
  placeId?: string;
  name: string;
  phone?: string;
  idNumber?: string;
  tags: Tag[];
  tagsChangedOn?: string;
}

const MOBILE_RE = /^1\d{10}$/;
const ID_NUMBER_RE = /^\d{17}[\dXx]$/;
const FIELD_FOR_CODE = { PHONE_INVALID: 'phone', ID_NUMBER_INVALID: 'idNumber', ID_NUMBER_TAKEN: 'idNumber', PLACE_NOT_FOUND: 'placeId' };

type Props = { open: boolean; onClose: () => void } & ({ mode: 'create' } | { mode: 'edit'; person: Person });

/**
 * Registers or edits a person. Phone and ID number are never sent back to the browser in full, so
 * when editing they start empty: left empty they stay as they are.
 */
export function PersonFormModal(props: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const place = useDefaultPlace();
  const create = useCreatePerson();
  const update = useUpdatePerson(props.mode === 'edit' ? props.person.id : '');
  const person = props.mode === 'edit' ? props.person : null;

  const submit = async (v: Values) => {
    const phone = v.phone?.trim() || undefined;
    const idNumber = v.idNumber?.trim() || undefined;
    if (props.mode === 'create') {
      const created = await create.mutateAsync({ placeId: v.placeId!, name: v.name, phone, idNumber, tags: v.tags });
      navigate(`/registry/persons/${created.id}`);
    } else {
      await update.mutateAsync({ name: v.name, phone, idNumber, tags: v.tags, tagsChangedOn: v.tagsChangedOn || undefined });
    }
  };

  const editHint = person ? t('person.keepIfEmpty') : undefined;
  return (
    <FormModal<Values>
      title={person ? t('person.edit', { name: person.name }) : t('person.create')}
      open={props.open}
      onClose={props.onClose}
      submit={submit}
      fieldForCode={FIELD_FOR_CODE}
      initialValues={{ placeId: place?.id, name: person?.name, tags: (person?.tags ?? []) as Tag[] }}
    >
      {!person && (
        <Form.Item name="placeId" label={t('person.registeredAt')} rules={[{ required: true, message: t('validation.pickOne') }]}>
          <PlaceTreeSelect valueLabel={place?.name} />
        </Form.Item>
      )}
      <Form.Item
        name="name"
        label={t('person.name')}
        rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 100 }]}
      >
        <Input autoFocus />
      </Form.Item>
      <Form.Item
        name="phone"
        label={t('person.phone')}
        extra={person?.phone ? t('person.currentKeep', { value: person.phone }) : editHint}
        rules={[{ pattern: MOBILE_RE, message: t('validation.mobile') }]}
      >
        <Input inputMode="tel" maxLength={11} autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="idNumber"
        label={t('person.idNumber')}
        extra={person?.idNumber ? t('person.currentKeep', { value: person.idNumber }) : editHint}
        rules={[{ pattern: ID_NUMBER_RE, message: t('validation.idNumber') }]}
      >
        <Input maxLength={18} autoComplete="off" />
      </Form.Item>
      <Form.Item name="tags" label={t('person.tags')}>
        <Checkbox.Group options={PERSON_TAGS.map((tag) => ({ value: tag, label: t(`person.tag.${tag}`) }))} />
      </Form.Item>
      {person && (
        // A tag certified from a past day (a 民政 certificate's date): the history dates the change from it.
        <Form.Item name="tagsChangedOn" label={t('person.tagsChangedOn')} extra={t('person.tagsChangedOnHelp')}>
          <Input type="date" max={todayInShanghai()} />
        </Form.Item>
      )}
    </FormModal>
  );
}
