import { Button, Form, Input, Popup, Selector, Stepper, TextArea, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePostItem } from '../api.ts';

/** 分享工具或图书: a small form posting a tool or book on the compound's neighbour board (the boards part's route). */
export function PostItemPopup({ compoundId, onClose }: { compoundId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const post = usePostItem();
  const [kind, setKind] = useState<'tool' | 'book'>('book');
  const onFinish = async (v: { title: string; author?: string; loanDays: number; body?: string }) => {
    try {
      await post.mutateAsync({ compoundId, kind, title: v.title.trim(), loanDays: v.loanDays, body: (v.body ?? '').trim(), ...(kind === 'book' && v.author?.trim() ? { author: v.author.trim() } : {}) });
      Toast.show({ icon: 'success', content: t('volLending.h5.form.saved') });
      onClose();
    } catch (e) {
      Toast.show({ icon: 'fail', content: (e as Error).message });
    }
  };
  return (
    <Popup visible onMaskClick={onClose} bodyStyle={{ maxHeight: '90vh', overflowY: 'auto', borderTopLeftRadius: 8, borderTopRightRadius: 8 }}>
      <h2 style={{ fontSize: 'var(--adm-font-size-9)', margin: '16px 16px 0' }}>{t('volLending.h5.form.title')}</h2>
      <Form
        layout="vertical"
        initialValues={{ loanDays: 14 }}
        onFinish={onFinish}
        footer={
          <Button block type="submit" color="primary" size="large" loading={post.isPending}>
            {t('volLending.h5.form.submit')}
          </Button>
        }
      >
        <Form.Item label={t('volLending.h5.form.kind')}>
          <Selector
            options={[
              { label: t('volLending.kind.book'), value: 'book' },
              { label: t('volLending.kind.tool'), value: 'tool' },
            ]}
            value={[kind]}
            onChange={(v) => v[0] && setKind(v[0] as 'tool' | 'book')}
          />
        </Form.Item>
        <Form.Item name="title" label={t('volLending.h5.form.name')} rules={[{ required: true, whitespace: true, message: t('volLending.h5.form.required') }]}>
          <Input placeholder={t('volLending.h5.form.namePlaceholder')} maxLength={60} clearable />
        </Form.Item>
        {kind === 'book' && (
          <Form.Item name="author" label={t('volLending.h5.form.author')}>
            <Input maxLength={60} clearable />
          </Form.Item>
        )}
        <Form.Item name="loanDays" label={t('volLending.h5.form.loanDays')}>
          <Stepper min={1} max={60} digits={0} />
        </Form.Item>
        <Form.Item name="body" label={t('volLending.h5.form.body')}>
          <TextArea placeholder={t('volLending.h5.form.bodyPlaceholder')} maxLength={1000} rows={3} showCount />
        </Form.Item>
      </Form>
    </Popup>
  );
}
