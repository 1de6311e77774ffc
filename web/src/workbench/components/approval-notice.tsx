import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isPendingApproval } from '../../shared/api.ts';

/**
 * After a sensitive change: a 202 means nothing changed yet, so say plainly that it waits for a
 * second approver (and where to follow it); anything else is done.
 */
export function useChangeOutcome() {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const navigate = useNavigate();
  return (result: unknown, doneText: string) => {
    if (!isPendingApproval(result)) {
      void message.success(doneText);
      return;
    }
    modal.confirm({
      title: t('approval.submittedTitle'),
      content: t('approval.submittedBody'),
      okText: t('approval.viewRequests'),
      cancelText: t('common.close'),
      onOk: () => navigate('/approvals'),
    });
  };
}
