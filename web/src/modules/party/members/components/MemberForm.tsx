import { Alert, Form, Input, Modal, Radio, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Member, type MemberOrganisations, usePersonSearch } from '../api.ts';

export interface MemberFormValues {
  personId?: string;
  membership: 'local' | 'employed';
  branchId?: string;
  workplaceOrgId?: string;
  joinedOn: string;
  note?: string;
}

/** Add a member (pick a registry person by name) or edit one: membership, branch or workplace organisation, joining date, note. */
export function MemberFormModal({
  open,
  member,
  organisations,
  saving,
  error,
  onCancel,
  onSave,
}: {
  open: boolean;
  member: Member | null;
  organisations: MemberOrganisations | undefined;
  saving: boolean;
  error: string | null;
  onCancel: () => void;
  onSave: (v: MemberFormValues) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<MemberFormValues>();
  const [q, setQ] = useState('');
  const persons = usePersonSearch(q);
  const membership = Form.useWatch('membership', form) ?? member?.membership ?? 'local';
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
  return (
    <Modal
      open={open}
      title={member ? t('partyMembers.form.editTitle', { name: member.personName }) : t('partyMembers.form.addTitle')}
      okText={t('common.save')}
      confirmLoading={saving}
      onCancel={onCancel}
      destroyOnHidden
      onOk={() => void form.validateFields().then(onSave)}
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={
          member
            ? { membership: member.membership, branchId: member.branchId ?? undefined, workplaceOrgId: member.workplaceOrgId ?? undefined, joinedOn: member.joinedOn, note: member.note }
            : { membership: 'local', note: '' }
        }
      >
        {!member && (
          <Form.Item name="personId" label={t('partyMembers.form.person')} extra={t('partyMembers.form.personHelp')} rules={[{ required: true, message: t('validation.required') }]}>
            <Select
              showSearch
              filterOption={false}
              onSearch={setQ}
              loading={persons.isFetching}
              placeholder={t('partyMembers.form.personPlaceholder')}
              notFoundContent={q ? t('partyMembers.form.noPerson') : null}
              options={(persons.data ?? []).map((p) => ({
                value: p.id,
                disabled: p.hasRecord,
                label: `${p.name}${p.phoneMasked ? ` ${p.phoneMasked}` : ''}${p.partyMember ? ` · ${t('partyMembers.form.tagged')}` : ''}${p.hasRecord ? ` · ${t('partyMembers.form.hasRecord')}` : ''}`,
              }))}
            />
          </Form.Item>
        )}
        <Form.Item name="membership" label={t('partyMembers.col.membership')} rules={[{ required: true }]}>
          <Radio.Group>
            <Radio value="local">{t('partyMembers.membership.local')}</Radio>
            <Radio value="employed">{t('partyMembers.membership.employed')}</Radio>
          </Radio.Group>
        </Form.Item>
        {membership === 'local' ? (
          <Form.Item name="branchId" label={t('partyMembers.col.branch')} rules={[{ required: true, message: t('validation.required') }]}>
            <Select showSearch optionFilterProp="label" options={(organisations?.branches ?? []).map((b) => ({ value: b.id, label: b.name }))} />
          </Form.Item>
        ) : (
          <Form.Item name="workplaceOrgId" label={t('partyMembers.col.workplaceOrg')} rules={[{ required: true, message: t('validation.required') }]}>
            <Select options={(organisations?.workplaceOrgs ?? []).map((b) => ({ value: b.id, label: b.name }))} />
          </Form.Item>
        )}
        <Form.Item
          name="joinedOn"
          label={t('partyMembers.col.joinedOn')}
          rules={[
            { required: true, message: t('validation.required') },
            { validator: (_, v: string) => (v && v > today ? Promise.reject(new Error(t('partyMembers.form.joinedFuture'))) : Promise.resolve()) },
          ]}
        >
          <Input type="date" max={today} />
        </Form.Item>
        <Form.Item name="note" label={t('partyMembers.col.note')}>
          <Input.TextArea maxLength={500} rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
