import { App, Button, Card, Form, Input, List, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/format.ts';
import { FormModal } from '../../../workbench/components/FormModal.tsx';
import { type Decision, useAnswerObjection } from '../api.ts';

type Objection = Decision['objections'][number];

/** 名册异议: owners' objections to the roll, open ones first; the organiser answers each. */
export function ObjectionsPanel({ decision: d }: { decision: Decision }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const answer = useAnswerObjection(d.id);
  const [answering, setAnswering] = useState<Objection | null>(null);
  return (
    <Card title={t('decisions.detail.objections')}>
      <List<Objection>
        dataSource={d.objections}
        locale={{ emptyText: t('decisions.detail.noObjections') }}
        renderItem={(o) => (
          <List.Item
            key={o.id}
            actions={
              o.status === 'open' && d.can.organise
                ? [
                    <Button key="answer" size="small" onClick={() => setAnswering(o)}>
                      {t('decisions.objection.answer')}
                    </Button>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={
                <>
                  <Tag color={o.status === 'open' ? 'orange' : 'green'}>{t(`decisions.objection.${o.status}`)}</Tag>
                  {o.by ?? ''} <Typography.Text type="secondary">{formatDateTime(o.createdAt)}</Typography.Text>
                </>
              }
              description={
                <>
                  <Typography.Paragraph style={{ marginBottom: 4, whiteSpace: 'pre-wrap' }}>{o.text}</Typography.Paragraph>
                  {o.answer && (
                    <Typography.Text type="secondary">{t('decisions.objection.answerLine', { answer: o.answer })}</Typography.Text>
                  )}
                </>
              }
            />
          </List.Item>
        )}
      />
      <FormModal<{ answer: string }>
        title={t('decisions.objection.answerTitle')}
        open={!!answering}
        onClose={() => setAnswering(null)}
        okText={t('decisions.objection.answer')}
        submit={async (v) => {
          await answer.mutateAsync({ objectionId: answering!.id, answer: v.answer });
          void message.success(t('decisions.objection.answered_ok'));
        }}
      >
        {answering && <Typography.Paragraph type="secondary">{answering.text}</Typography.Paragraph>}
        <Form.Item name="answer" label={t('decisions.objection.answer')} rules={[{ required: true, whitespace: true, message: t('decisions.objection.answerRequired') }]}>
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
