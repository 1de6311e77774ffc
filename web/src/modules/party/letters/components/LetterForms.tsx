import { Form, Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { todayInShanghai } from '../../../../shared/format.ts';
import { FormModal } from '../../../../workbench/components/FormModal.tsx';
import { type LetterOptions, useCreateAnnual, useDraftAdmonition, useLetterMembers } from '../api.ts';

/** The years an annual letter may be for: this year and the four before it (never a future year). */
const years = () => {
  const now = Number(todayInShanghai().slice(0, 4));
  return [0, 1, 2, 3, 4].map((n) => now - n);
};

/** The community field: hidden when the actor writes letters in one community only. */
function CommunityField({ options }: { options: LetterOptions }) {
  const { t } = useTranslation();
  if (options.communities.length <= 1) {
    return (
      <Form.Item name="communityId" hidden>
        <Input />
      </Form.Item>
    );
  }
  return (
    <Form.Item name="communityId" label={t('partyLetters.form.community')} rules={[{ required: true }]}>
      <Select options={options.communities.map((c) => ({ value: c.id, label: c.name }))} />
    </Form.Item>
  );
}

/** 生成年度函: community (if more than one), 报到单位 and 年度; opens the new letter's page. */
export function AnnualLetterModal({ open, onClose, options }: { open: boolean; onClose: () => void; options: LetterOptions }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateAnnual();
  return (
    <FormModal<{ communityId: string; organisationId: string; year: number }>
      title={t('partyLetters.annual.title')}
      open={open}
      onClose={onClose}
      okText={t('partyLetters.annual.ok')}
      initialValues={{ communityId: options.communities[0]?.id, year: years()[0] }}
      submit={async (v) => {
        const made = await create.mutateAsync(v);
        navigate(`/party/letters/${made.id}`);
      }}
    >
      <CommunityField options={options} />
      <Form.Item name="organisationId" label={t('partyLetters.form.organisation')} rules={[{ required: true }]} extra={t('partyLetters.annual.help')}>
        <Select options={options.organisations.map((o) => ({ value: o.id, label: o.name }))} showSearch optionFilterProp="label" />
      </Form.Item>
      <Form.Item name="year" label={t('partyLetters.form.year')} rules={[{ required: true }]}>
        <Select options={years().map((y) => ({ value: y, label: String(y) }))} />
      </Form.Item>
    </FormModal>
  );
}

/** 发起函告: the member's workplace organisation, the member, a subject and the facts; opens the draft's page. */
export function AdmonitionModal({ open, onClose, options }: { open: boolean; onClose: () => void; options: LetterOptions }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const draft = useDraftAdmonition();
  const [organisationId, setOrganisationId] = useState<string | undefined>();
  const members = useLetterMembers(organisationId);
  return (
    <FormModal<{ communityId: string; organisationId: string; memberId: string; subject: string; facts: string }>
      title={t('partyLetters.admonition.title')}
      open={open}
      onClose={onClose}
      okText={t('partyLetters.admonition.ok')}
      width={640}
      initialValues={{ communityId: options.communities[0]?.id }}
      submit={async (v) => {
        const made = await draft.mutateAsync(v);
        navigate(`/party/letters/${made.id}`);
      }}
    >
      <CommunityField options={options} />
      <Form.Item name="organisationId" label={t('partyLetters.form.organisation')} rules={[{ required: true }]}>
        <Select options={options.organisations.map((o) => ({ value: o.id, label: o.name }))} onChange={(v: string) => setOrganisationId(v)} />
      </Form.Item>
      <Form.Item name="memberId" label={t('partyLetters.form.member')} rules={[{ required: true }]}>
        <Select
          loading={members.isFetching}
          disabled={!organisationId}
          options={(members.data?.items ?? []).map((m) => ({ value: m.id, label: m.name }))}
          showSearch
          optionFilterProp="label"
          notFoundContent={t('partyLetters.admonition.noMembers')}
        />
      </Form.Item>
      <Form.Item name="subject" label={t('partyLetters.form.subject')} rules={[{ required: true, max: 200 }]}>
        <Input placeholder={t('partyLetters.admonition.subjectHint')} maxLength={200} />
      </Form.Item>
      <Form.Item name="facts" label={t('partyLetters.form.facts')} rules={[{ required: true, max: 2000 }]} extra={t('partyLetters.admonition.factsHelp')}>
        <Input.TextArea rows={6} maxLength={2000} showCount />
      </Form.Item>
    </FormModal>
  );
}
