import { Alert, AutoComplete, DatePicker, Form } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../workbench/components/FormModal.tsx';
import { useCreatePosition } from '../api.ts';
import { OrganisationSelect, PersonSelect } from './selects.tsx';

interface Values {
  personId: string;
  organisationId: string;
  title: string;
  termStart?: Dayjs;
  termEnd?: Dayjs;
}

/** Titles people usually hold; any other title may be typed. */
const COMMON_TITLES = ['书记', '副书记', '主任', '副主任', '委员', '楼门长', '网格员', '项目经理', '党建指导员', '联络员'];

type Fixed = { personId: string; personName: string } | { organisationId: string; organisationName: string };

/**
 * Appoints a person to a title in an organisation. A person may hold several positions at once
 * (交叉任职, e.g. a property manager on the community committee), so nothing here refuses that.
 */
export function PositionFormModal({ fixed, open, onClose }: { fixed: Fixed; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreatePosition();
  const fixedPerson = 'personId' in fixed;
  const submit = async (v: Values) => {
    await create.mutateAsync({
      personId: fixedPerson ? fixed.personId : v.personId,
      organisationId: fixedPerson ? v.organisationId : fixed.organisationId,
      title: v.title,
      termStart: v.termStart?.format('YYYY-MM-DD') ?? null,
      termEnd: v.termEnd?.format('YYYY-MM-DD') ?? null,
    });
  };
  const required = { required: true, message: t('validation.required') };
  return (
    <FormModal<Values>
      title={t('position.addFor', { name: fixedPerson ? fixed.personName : fixed.organisationName })}
      open={open}
      onClose={onClose}
      submit={submit}
      fieldForCode={{ PERSON_NOT_FOUND: 'personId', ORGANISATION_NOT_FOUND: 'organisationId', FORBIDDEN: 'organisationId' }}
    >
      <Alert type="info" showIcon title={t('position.crossHint')} style={{ marginBottom: 16 }} />
      {fixedPerson ? (
        <Form.Item name="organisationId" label={t('position.organisation')} rules={[{ required: true, message: t('validation.pickOne') }]}>
          <OrganisationSelect />
        </Form.Item>
      ) : (
        <Form.Item name="personId" label={t('position.person')} rules={[{ required: true, message: t('validation.pickOne') }]}>
          <PersonSelect />
        </Form.Item>
      )}
      <Form.Item
        name="title"
        label={t('position.title')}
        rules={[required, { whitespace: true, message: t('validation.required') }, { max: 100 }]}
      >
        <AutoComplete options={COMMON_TITLES.map((v) => ({ value: v }))} showSearch={{ filterOption: true }} />
      </Form.Item>
      <Form.Item name="termStart" label={t('position.termStart')}>
        <DatePicker format="YYYY-MM-DD" />
      </Form.Item>
      <Form.Item
        name="termEnd"
        label={t('position.termEnd')}
        dependencies={['termStart']}
        rules={[
          ({ getFieldValue }) => ({
            validator: async (_, end?: Dayjs) => {
              const start = getFieldValue('termStart') as Dayjs | undefined;
              if (end && start && end.isBefore(start, 'day')) throw new Error(t('validation.termOrder'));
            },
          }),
        ]}
      >
        <DatePicker format="YYYY-MM-DD" />
      </Form.Item>
    </FormModal>
  );
}
