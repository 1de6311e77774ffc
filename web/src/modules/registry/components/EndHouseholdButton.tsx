import { Alert, Button, DatePicker, Form, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayInShanghai } from '../../../shared/format.ts';
import { useChangeOutcome } from '../../../workbench/components/approval-notice.tsx';
import { FormModal } from '../../../workbench/components/FormModal.tsx';
import { type Household, useEndHousehold } from '../api.ts';

/** Ends a household on a date (moved out, sold); ending an ownership waits for a second approver. */
export function EndHouseholdButton({ household }: { household: Household }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const end = useEndHousehold();
  const outcome = useChangeOutcome();
  const ownership = household.relation === 'owner' || household.relation === 'co_owner';
  const relation = t(`household.relation.${household.relation}`);

  const submit = async (v: { endDate: Dayjs }) => {
    const result = await end.mutateAsync({ id: household.id, endDate: v.endDate.format('YYYY-MM-DD') });
    outcome(result, t('household.ended'));
  };

  return (
    <>
      <Button size="small" danger onClick={() => setOpen(true)}>
        {t('household.end')}
      </Button>
      <FormModal<{ endDate: Dayjs }>
        title={t('household.endTitle', { name: household.holderName, relation })}
        open={open}
        onClose={() => setOpen(false)}
        submit={submit}
        okText={ownership ? t('approval.submitForApproval') : t('household.end')}
        initialValues={{ endDate: dayjs(todayInShanghai()) }}
      >
        <Typography.Paragraph>{t('household.endExplain', { name: household.holderName, relation })}</Typography.Paragraph>
        <Form.Item name="endDate" label={t('household.endDate')} rules={[{ required: true, message: t('validation.required') }]}>
          <DatePicker format="YYYY-MM-DD" />
        </Form.Item>
        <Alert type="warning" showIcon title={ownership ? t('household.ownerChangeNeedsApproval') : t('household.endTakesEffectNow')} />
      </FormModal>
    </>
  );
}
