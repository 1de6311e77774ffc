import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex, Form, Input, Radio, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../../workbench/components/FormModal.tsx';
import { MIN_NOMINATORS, type Nomination, NOMINATIONS, STATEMENT_MAX, useNominate } from '../api.ts';
import '../i18n.ts';

interface Values {
  name: string;
  roomLabel: string;
  partyMember: boolean;
  nomination: Nomination;
  nominators?: { name: string; room: string }[];
  statement?: string;
}

/** 提名候选人: the organiser enters a nomination (self, joint by 5+ owners, the party organisation or the residents' committee). */
export function NominateModal({ decisionId, open, onClose }: { decisionId: string; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const nominate = useNominate(decisionId);
  const submit = async (v: Values) => {
    await nominate.mutateAsync({
      name: v.name.trim(),
      roomLabel: v.roomLabel.trim(),
      partyMember: !!v.partyMember,
      nomination: v.nomination,
      nominators: v.nomination === 'owners' ? (v.nominators ?? []).map((n) => ({ name: n.name.trim(), room: n.room.trim() })) : undefined,
      statement: v.statement?.trim() || undefined,
    });
    void message.success(t('decisionsElection.nominate.done'));
  };
  const blankNominators = Array.from({ length: MIN_NOMINATORS }, () => ({ name: '', room: '' }));
  return (
    <FormModal<Values>
      title={t('decisionsElection.nominate.title')}
      open={open}
      onClose={onClose}
      submit={submit}
      okText={t('decisionsElection.nominate.ok')}
      width={640}
      initialValues={{ nomination: 'self', partyMember: false, nominators: blankNominators }}
      fieldForCode={{ TOO_FEW_NOMINATORS: 'nominators' }}
    >
      <Form.Item name="name" label={t('decisionsElection.field.name')} rules={[{ required: true, whitespace: true, message: t('decisionsElection.nominate.nameRequired') }]}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item
        name="roomLabel"
        label={t('decisionsElection.field.room')}
        extra={t('decisionsElection.nominate.roomHint')}
        rules={[{ required: true, whitespace: true, message: t('decisionsElection.nominate.roomRequired') }]}
      >
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="partyMember" label={t('decisionsElection.field.partyMember')} valuePropName="checked">
        <Switch aria-label={t('decisionsElection.field.partyMember')} />
      </Form.Item>
      <Form.Item name="nomination" label={t('decisionsElection.field.nomination')} rules={[{ required: true, message: t('decisionsElection.nominate.nominationRequired') }]}>
        <Radio.Group options={NOMINATIONS.map((n) => ({ value: n, label: t(`decisionsElection.nomination.${n}`) }))} />
      </Form.Item>
      <Form.Item noStyle shouldUpdate={(a, b) => a.nomination !== b.nomination}>
        {({ getFieldValue }) => getFieldValue('nomination') === 'owners' && <Nominators />}
      </Form.Item>
      <Form.Item name="statement" label={t('decisionsElection.field.statement')}>
        <Input.TextArea rows={4} maxLength={STATEMENT_MAX} showCount />
      </Form.Item>
    </FormModal>
  );
}

/** 联名业主: a dynamic list, at least five owners with their rooms. */
function Nominators() {
  const { t } = useTranslation();
  return (
    <Form.Item label={t('decisionsElection.field.nominators')} extra={t('decisionsElection.nominate.nominatorsHint', { n: MIN_NOMINATORS })} required>
      <Form.List
        name="nominators"
        rules={[
          {
            validator: async (_, list: unknown[] | undefined) =>
              (list?.length ?? 0) >= MIN_NOMINATORS ? undefined : Promise.reject(new Error(t('decisionsElection.nominate.nominatorsTooFew', { n: MIN_NOMINATORS }))),
          },
        ]}
      >
        {(fields, { add, remove }, { errors }) => (
          <>
            {fields.map((field, index) => (
              <Flex key={field.key} gap={8} align="start">
                <Form.Item name={[field.name, 'name']} rules={[{ required: true, whitespace: true, message: t('decisionsElection.nominate.nominatorRequired') }]} style={{ flex: 1, marginBottom: 8 }}>
                  <Input placeholder={t('decisionsElection.field.nominatorName')} aria-label={`${t('decisionsElection.field.nominatorName')} ${index + 1}`} maxLength={50} />
                </Form.Item>
                <Form.Item name={[field.name, 'room']} rules={[{ required: true, whitespace: true, message: t('decisionsElection.nominate.nominatorRequired') }]} style={{ flex: 1, marginBottom: 8 }}>
                  <Input placeholder={t('decisionsElection.field.nominatorRoom')} aria-label={`${t('decisionsElection.field.nominatorRoom')} ${index + 1}`} maxLength={100} />
                </Form.Item>
                <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={`${t('decisionsElection.nominate.removeNominator')} ${index + 1}`} />
              </Flex>
            ))}
            <Form.ErrorList errors={errors} />
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', room: '' })} disabled={fields.length >= 200}>
              {t('decisionsElection.nominate.addNominator')}
            </Button>
          </>
        )}
      </Form.List>
    </Form.Item>
  );
}
