import { Button, Form, Input, NoticeBar, TextArea, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { DESCRIPTION_MAX, TITLE_MAX } from '#server/modules/deliberation/contract.ts';
import { BackTitle } from '../../../resident/BackTitle.tsx';
import { ApiError } from '../../../shared/api.ts';
import { usePropose } from '../api.ts';
import './deliberation-h5.css';

/** 发起联名提议: a title and what it is about, at my compound; my household is its first supporter. */
export function ProposalPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const propose = usePropose();
  const onFinish = async (v: { title: string; description?: string }) => {
    try {
      const { id } = await propose.mutateAsync({ title: v.title.trim(), description: v.description?.trim() ?? '' });
      Toast.show({ icon: 'success', content: t('deliberation.h5.submitted') });
      navigate(`/deliberation/items/${id}`, { replace: true });
    } catch (err) {
      Toast.show({ icon: 'fail', content: err instanceof ApiError ? err.message : String(err) });
    }
  };
  return (
    <>
      <BackTitle fallback="/decide">{t('deliberation.h5.proposalTitle')}</BackTitle>
      <NoticeBar content={t('deliberation.h5.proposeHint')} color="info" wrap />
      <Form
        layout="vertical"
        onFinish={(v) => void onFinish(v as { title: string; description?: string })}
        footer={
          <Button block type="submit" color="primary" size="large" loading={propose.isPending}>
            {t('deliberation.h5.submit')}
          </Button>
        }
      >
        <Form.Item name="title" label={t('deliberation.h5.titleLabel')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
          <Input placeholder={t('deliberation.h5.titlePlaceholder')} maxLength={TITLE_MAX} clearable />
        </Form.Item>
        <Form.Item name="description" label={t('deliberation.h5.descriptionLabel')}>
          <TextArea placeholder={t('deliberation.h5.descriptionPlaceholder')} maxLength={DESCRIPTION_MAX} rows={6} showCount />
        </Form.Item>
      </Form>
    </>
  );
}
