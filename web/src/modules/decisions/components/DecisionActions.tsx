import { App, Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../shared/format.ts';
import { useChangeOutcome } from '../../../workbench/components/approval-notice.tsx';
import { type Decision, type DecisionStep, useDecisionStep } from '../api.ts';

/**
 * The decision's next weighty step, as far as `can` allows: each confirmed with what it sets in motion. Opening and
 * closing wait for a second approver (202); the server's refusals (NOTICE_PERIOD, VOTING_NOT_OVER …) are shown as
 * its own messages.
 */
export function DecisionActions({ decision: d }: { decision: Decision }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const step = useDecisionStep(d.id);
  const outcome = useChangeOutcome();

  const ask = (what: DecisionStep, title: string, content: string, okText: string, done: string) =>
    modal.confirm({
      title,
      content,
      okText,
      cancelText: t('common.cancel'),
      width: 520,
      onOk: async () => {
        try {
          outcome(await step.mutateAsync(what), done);
        } catch (err) {
          void message.error(err instanceof Error ? err.message : String(err));
        }
      },
    });

  const republish = d.status === 'roll_published';
  const days = d.rules.settings.votingDays.value;
  // The roll must have been public for the notice period (the server checks it too, NOTICE_PERIOD): until then
  // the button says from when, rather than send a request bound to be refused.
  const noticeDays = d.rules.settings.noticeDays.value;
  const openFrom = d.rollPublishedAt ? new Date(new Date(d.rollPublishedAt).getTime() + noticeDays * 86_400_000) : null;
  const tooEarly = !!openFrom && openFrom.getTime() > Date.now();
  return (
    <>
      {d.can.open && tooEarly && (
        <Typography.Text type="secondary" style={{ alignSelf: 'center' }}>
          {t('decisions.action.openFrom', { days: noticeDays, from: formatDate(openFrom) })}
        </Typography.Text>
      )}
      {d.can.publishRoll && (
        <Button
          type={republish ? 'default' : 'primary'}
          onClick={() =>
            ask(
              'roll',
              t('decisions.action.publishRollTitle'),
              republish ? `${t('decisions.action.publishRollBody')} ${t('decisions.action.republishRollBody')}` : t('decisions.action.publishRollBody'),
              republish ? t('decisions.action.republishRoll') : t('decisions.action.publishRoll'),
              t('decisions.action.rollPublished'),
            )
          }
        >
          {republish ? t('decisions.action.republishRoll') : t('decisions.action.publishRoll')}
        </Button>
      )}
      {d.can.open && (
        <Button
          type="primary"
          disabled={tooEarly}
          onClick={() => ask('open', t('decisions.action.openTitle'), t('decisions.action.openBody', { days }), t('decisions.action.open'), t('decisions.action.open'))}
        >
          {t('decisions.action.open')}
        </Button>
      )}
      {d.can.close && (
        <Button type="primary" onClick={() => ask('close', t('decisions.action.closeTitle'), t('decisions.action.closeBody'), t('decisions.action.close'), t('decisions.action.close'))}>
          {t('decisions.action.close')}
        </Button>
      )}
      {d.can.publish && (
        <Button
          type="primary"
          onClick={() => ask('publish', t('decisions.action.publishTitle'), t('decisions.action.publishBody'), t('decisions.action.publish'), t('decisions.action.published'))}
        >
          {t('decisions.action.publish')}
        </Button>
      )}
    </>
  );
}
