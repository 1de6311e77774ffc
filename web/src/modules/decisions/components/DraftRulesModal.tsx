import { Alert, Checkbox, Col, Form, Input, InputNumber, Radio, Row, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { COMMITTEE_ALTERNATES_MAX, COMMITTEE_TERM_MAX, DEFAULT_RULES, FILING_DAYS_RANGE, FILING_OFFICES, TITLE_MAX } from '#server/modules/decisions/contract.ts';
import { FormModal } from '../../../workbench/components/FormModal.tsx';
import { type RulesSettings, useCreateRules } from '../api.ts';
import { PROXY_CAP_RANGE, RULE_ORDER, ruleKeyLabel } from '../proof/rules.ts';

type Values = { title: string } & RulesSettings;

const DAYS: Partial<Record<keyof RulesSettings, [number, number]>> = { votingDays: [1, 90], extensionDays: [0, 30], noticeDays: [0, 60] };

/**
 * 起草新版本: every setting with the clause of the filed rules it comes from, from the defaults. 从众 starts off;
 * switched on, it needs its own clause, and the form says that results always show the strict tally first.
 */
export function DraftRulesModal({ compoundId, open, onClose }: { compoundId: string; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateRules();

  const submit = async ({ title, ...settings }: Values) => {
    await create.mutateAsync({ compoundId, title, settings });
  };

  const valueField = (key: keyof RulesSettings) => {
    const range = DAYS[key];
    if (range) return <InputNumber min={range[0]} max={range[1]} precision={0} suffix={t('decisions.rules.dayUnit')} style={{ width: 140 }} />;
    if (key === 'proxyCap') {
      return <InputNumber min={PROXY_CAP_RANGE[0]} max={PROXY_CAP_RANGE[1]} precision={0} suffix={t('decisionsProof.rules.unit')} style={{ width: 140 }} />;
    }
    if (key === 'committee' || key === 'elevator' || key === 'filing') return <CompoundSetting name={key} />;
    if (key === 'revote') return <Switch checkedChildren={t('decisions.rules.yes')} unCheckedChildren={t('decisions.rules.no')} />;
    if (key === 'prevails') return <Radio.Group options={(['online', 'paper'] as const).map((v) => ({ value: v, label: t(`decisions.rules.prevails.${v}`) }))} />;
    return null;
  };

  return (
    <FormModal<Values>
      title={t('decisions.rules.draftTitle')}
      open={open}
      onClose={onClose}
      submit={submit}
      width={760}
      initialValues={{ title: '', ...DEFAULT_RULES, followMajority: { ...DEFAULT_RULES.followMajority, value: false } }}
      fieldForCode={{ RULES_CLAUSE_REQUIRED: ['followMajority', 'clause'] }}
    >
      <Form.Item name="title" label={t('decisions.rules.versionTitle')} rules={[{ required: true, whitespace: true, message: t('decisions.rules.versionTitleRequired') }]}>
        <Input maxLength={TITLE_MAX} />
      </Form.Item>
      {RULE_ORDER.map((key) => (
        <Row key={key} gutter={12} align="top">
          <Col span={9}>
            {key === 'channels' ? (
              <Form.Item label={ruleKeyLabel(t, key)} required>
                {(['online', 'paper', 'proxy'] as const).map((c) => (
                  <Form.Item
                    key={c}
                    name={['channels', 'value', c]}
                    valuePropName="checked"
                    noStyle
                    rules={
                      c === 'online'
                        ? [
                            ({ getFieldValue }) => ({
                              validator: async () =>
                                getFieldValue(['channels', 'value', 'online']) || getFieldValue(['channels', 'value', 'paper'])
                                  ? undefined
                                  : Promise.reject(new Error(t('decisions.rules.channelsRequired'))),
                            }),
                          ]
                        : []
                    }
                  >
                    <Checkbox>{t(`decisions.rules.channel.${c}`)}</Checkbox>
                  </Form.Item>
                ))}
              </Form.Item>
            ) : key === 'followMajority' ? (
              <Form.Item name={[key, 'value']} label={ruleKeyLabel(t, key)} valuePropName="checked">
                <FollowMajoritySwitch />
              </Form.Item>
            ) : (
              key === 'committee' || key === 'elevator' || key === 'filing' ? (
                <Form.Item label={ruleKeyLabel(t, key)} required>
                  {valueField(key)}
                </Form.Item>
              ) : (
                <Form.Item name={[key, 'value']} label={ruleKeyLabel(t, key)} valuePropName={key === 'revote' ? 'checked' : 'value'} rules={[{ required: true }]}>
                  {valueField(key)}
                </Form.Item>
              )
            )}
          </Col>
          <Col span={15}>
            <Form.Item noStyle shouldUpdate={(a, b) => a.followMajority?.value !== b.followMajority?.value}>
              {({ getFieldValue }) => {
                const on = key === 'followMajority' && !!getFieldValue(['followMajority', 'value']);
                return (
                  <Form.Item
                    name={[key, 'clause']}
                    label={t('decisions.rules.clause')}
                    rules={[
                      { required: true, whitespace: true, message: t('decisions.rules.clauseRequired') },
                      // Switched on, 从众 must cite the filed rules, not the Civil Code's default wording.
                      ...(on
                        ? [{ validator: async (_: unknown, v: string) => (v?.trim() === DEFAULT_RULES.followMajority.clause ? Promise.reject(new Error(t('decisions.rules.clauseRequired'))) : undefined) }]
                        : []),
                    ]}
                  >
                    <Input maxLength={200} />
                  </Form.Item>
                );
              }}
            </Form.Item>
          </Col>
        </Row>
      ))}
      <Form.Item noStyle shouldUpdate={(a, b) => a.followMajority?.value !== b.followMajority?.value}>
        {({ getFieldValue }) =>
          getFieldValue(['followMajority', 'value']) ? (
            <Alert type="warning" showIcon title={t('decisions.rules.followMajorityWarning')} />
          ) : (
            <Typography.Text type="secondary">{t('decisions.rules.followMajorityWarning')}</Typography.Text>
          )
        }
      </Form.Item>
    </FormModal>
  );
}

/** The settings whose value has several fields: 业委会组成, 加装电梯, 备案. */
function CompoundSetting({ name }: { name: 'committee' | 'elevator' | 'filing' }) {
  const { t } = useTranslation();
  const r = 'decisionsCommittee.rules';
  if (name === 'committee') {
    return (
      <>
        <Form.Item
          name={['committee', 'value', 'seats']}
          label={t(`${r}.seats`)}
          rules={[{ validator: async (_: unknown, v: number) => (Number.isInteger(v) && v >= 5 && v <= 11 && v % 2 === 1 ? undefined : Promise.reject(new Error(t(`${r}.seatsOdd`)))) }]}
        >
          <InputNumber min={5} max={11} step={2} precision={0} suffix={t(`${r}.seatUnit`)} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name={['committee', 'value', 'termYears']} label={t(`${r}.termYears`)} rules={[{ required: true }]}>
          <InputNumber min={1} max={COMMITTEE_TERM_MAX} precision={0} suffix={t(`${r}.yearUnit`)} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name={['committee', 'value', 'alternates']} label={t(`${r}.alternates`)} rules={[{ required: true }]}>
          <InputNumber min={0} max={COMMITTEE_ALTERNATES_MAX} precision={0} suffix={t(`${r}.seatUnit`)} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name={['committee', 'value', 'tieBreak']}>
          <Radio.Group options={(['runoff', 'lots'] as const).map((v) => ({ value: v, label: t(`${r}.tieBreak.${v}`) }))} />
        </Form.Item>
      </>
    );
  }
  if (name === 'elevator') {
    return (
      <>
        <Form.Item name={['elevator', 'value', 'matter']} label={t(`${r}.matter`)} rules={[{ required: true }]}>
          <InputNumber min={1} max={9} precision={0} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name={['elevator', 'value', 'affected']}>
          <Radio.Group options={(['consent', 'compensation'] as const).map((v) => ({ value: v, label: t(`${r}.affected.${v}`) }))} />
        </Form.Item>
      </>
    );
  }
  return (
    <>
      <Form.Item name={['filing', 'value', 'offices']} label={t(`${r}.filingOffices`)} rules={[{ required: true, type: 'array', min: 1 }]}>
        <Checkbox.Group options={FILING_OFFICES.map((o) => ({ value: o, label: t(`${r}.office.${o}`) }))} />
      </Form.Item>
      <Form.Item name={['filing', 'value', 'matters']} label={t(`${r}.filingMatters`)}>
        <Checkbox.Group options={[1, 2, 4, 5, 6, 7, 8, 9].map((m) => ({ value: m, label: `（${m}）` }))} />
      </Form.Item>
      <Form.Item name={['filing', 'value', 'days']} label={t(`${r}.filingDays`)} rules={[{ required: true }]}>
        <InputNumber min={FILING_DAYS_RANGE[0]} max={FILING_DAYS_RANGE[1]} precision={0} suffix={t('decisions.rules.dayUnit')} style={{ width: 140 }} />
      </Form.Item>
    </>
  );
}

/** 从众 on asks for the filed rules' own clause (the default names the Civil Code, which does not know it); off restores it. */
function FollowMajoritySwitch({ checked, onChange }: { checked?: boolean; onChange?: (on: boolean) => void }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  return (
    <Switch
      checked={checked}
      checkedChildren={t('decisions.rules.on')}
      unCheckedChildren={t('decisions.rules.off')}
      onChange={(on) => {
        onChange?.(on);
        form.setFieldValue(['followMajority', 'clause'], on ? '' : DEFAULT_RULES.followMajority.clause);
      }}
    />
  );
}
