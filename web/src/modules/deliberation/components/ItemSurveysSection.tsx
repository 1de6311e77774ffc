import { Button, Card, Empty, Form, Input, List, Modal, Select, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useAttachSurvey, useItemSurveys } from '../api.ts';

/**
 * On the workbench item page: the surveys that gather the households' opinion (stages 1–3) or evaluate the outcome
 * (4–6), with their responses against the households that may answer, and a draft for the stage the item is at.
 */
export function ItemSurveysSection({ itemId, title }: { itemId: string; title: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const surveys = useItemSurveys(itemId);
  const attach = useAttachSurvey(itemId);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ stage: 'collect' | 'evaluate'; title: string }>();
  const canAttach = surveys.data?.canAttach ?? [];
  const rows = surveys.data?.items ?? [];
  return (
    <Card
      title={t('deliberation.surveys.title')}
      loading={surveys.isPending}
      extra={
        canAttach.length > 0 && (
          <Button
            onClick={() => {
              form.setFieldsValue({ stage: canAttach[0], title: t(`deliberation.surveys.defaultTitle.${canAttach[0]}`, { title }) });
              setOpen(true);
            }}
          >
            {t('deliberation.surveys.attach')}
          </Button>
        )
      }
    >
      {rows.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('deliberation.surveys.none')} />
      ) : (
        <List
          size="small"
          dataSource={rows}
          renderItem={(s) => (
            <List.Item>
              <Link to={`/surveys/${s.id}`}>{s.title}</Link>
              <span>
                <Tag>{t(`deliberation.surveys.stage.${s.subjectStage ?? 'collect'}`)}</Tag>
                <Tag>{t(`deliberation.surveys.status.${s.status}`)}</Tag>
                {t('deliberation.surveys.responses', { count: s.responses, eligible: s.eligible })}
              </span>
            </List.Item>
          )}
        />
      )}
      <Modal
        open={open}
        title={t('deliberation.surveys.attach')}
        okText={t('deliberation.surveys.create')}
        confirmLoading={attach.isPending}
        onCancel={() => setOpen(false)}
        onOk={async () => {
          const v = await form.validateFields();
          const created = await attach.mutateAsync(v);
          setOpen(false);
          void navigate(`/surveys/${created.id}`);
        }}
      >
        <p>{t('deliberation.surveys.attachHint')}</p>
        <Form form={form} layout="vertical">
          <Form.Item name="stage" label={t('deliberation.surveys.stageLabel')} rules={[{ required: true }]}>
            <Select options={canAttach.map((s) => ({ value: s, label: t(`deliberation.surveys.stage.${s}`) }))} />
          </Form.Item>
          <Form.Item name="title" label={t('deliberation.surveys.titleLabel')} rules={[{ required: true, whitespace: true, max: 100 }]}>
            <Input maxLength={100} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
