import { Form, Input, Radio, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { type BallotContent, CHOICES, type Choice, INVALID_REASONS, type InvalidReason } from '../api.ts';
import '../i18n.ts';

/** The form's values for what a sheet says (entry and correction alike). */
export interface BallotValues {
  choices?: Record<string, Choice>;
  invalid?: boolean;
  invalidReason?: InvalidReason;
  invalidNote?: string;
}

/** An invalid sheet sends its reason and no choices: it is neither a vote nor an abstention. */
export const contentOf = (v: BallotValues): BallotContent =>
  v.invalid ? { invalidReason: v.invalidReason, invalidNote: v.invalidNote?.trim() || undefined } : { choices: v.choices };

/**
 * 同意/反对/弃权 for every item, or the switch that records the sheet as invalid (unsigned, two boxes ticked on
 * an item, illegible) with its reason. Inside an antd Form.
 */
export function BallotFields({ items, large }: { items: { no: number; title: string }[]; large?: boolean }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<BallotValues>();
  const invalid = Form.useWatch('invalid', form);
  const reason = Form.useWatch('invalidReason', form);
  return (
    <>
      <Form.Item name="invalid" label={t('decisionsPaper.form.invalid')} valuePropName="checked" extra={t('decisionsPaper.form.invalidHint')}>
        <Switch />
      </Form.Item>
      {invalid ? (
        <>
          <Form.Item name="invalidReason" label={t('decisionsPaper.form.invalidReason')} rules={[{ required: true, message: t('decisionsPaper.form.invalidReason') }]}>
            <Select options={INVALID_REASONS.map((r) => ({ value: r, label: t(`decisionsPaper.invalidReason.${r}`) }))} style={{ maxWidth: 320 }} />
          </Form.Item>
          <Form.Item
            name="invalidNote"
            label={t('decisionsPaper.form.invalidNote')}
            rules={[{ required: reason === 'other', whitespace: true, message: t('decisionsPaper.form.invalidNoteRequired') }, { max: 200 }]}
          >
            <Input maxLength={200} />
          </Form.Item>
        </>
      ) : (
        <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
          <legend style={{ fontSize: 14, marginBottom: 8, border: 0 }}>{t('decisionsPaper.form.items')}</legend>
          {items.map((i) => (
            <Form.Item
              key={i.no}
              name={['choices', String(i.no)]}
              label={`${i.no}. ${i.title}`}
              rules={[{ required: true, message: t('decisionsPaper.form.choiceRequired') }]}
            >
              <Radio.Group
                optionType="button"
                buttonStyle="solid"
                size={large ? 'large' : 'middle'}
                options={CHOICES.map((c) => ({ value: c, label: t(`decisionsPaper.choice.${c}`) }))}
              />
            </Form.Item>
          ))}
        </fieldset>
      )}
    </>
  );
}
