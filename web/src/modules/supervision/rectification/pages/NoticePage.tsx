import { FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex, Form, Image, Input, Space, Timeline, Typography, type UploadFile } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { NOTICE_TEXT_MAX } from '#server/modules/supervision/contract.ts';
import { formatDateTime, todayInShanghai } from '../../../../shared/format.ts';
import { FormModal } from '../../../../workbench/components/FormModal.tsx';
import { PageHeader } from '../../../../workbench/components/PageHeader.tsx';
import { QueryView } from '../../../../workbench/components/QueryView.tsx';
import { fileUrl, type Notice, pdfUrl, toForm, useCloseNotice, useNotice, useReissueNotice, useRespondNotice } from '../api.ts';
import { blobsOf, EvidencePicker } from '../components/EvidencePicker.tsx';
import { NoticeStatusTag, OverdueTag } from '../components/labels.tsx';

type Dialog = 'respond' | 'close' | 'reissue' | null;

/** A notice: what, where, to whom and by when; its evidence and timeline; the actions the signed-in user may take. */
export function NoticePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const notice = useNotice(id);
  const [dialog, setDialog] = useState<Dialog>(null);
  return (
    <QueryView query={notice}>
      {(n) => (
        <>
          <PageHeader
            breadcrumb={<Link to="/supervision/notices">{t('supervisionRectification.page.title')}</Link>}
            title={`${n.no} ${n.title}`}
            tags={
              <Flex gap={4}>
                <NoticeStatusTag status={n.status} />
                <OverdueTag overdue={n.overdue} />
              </Flex>
            }
            extra={
              <>
                <Button icon={<PrinterOutlined />} href={pdfUrl(n.id)} target="_blank">
                  {t('supervisionRectification.detail.pdf')}
                </Button>
                {n.actions.includes('respond') && (
                  <Button type="primary" onClick={() => setDialog('respond')}>
                    {t('supervisionRectification.action.respond')}
                  </Button>
                )}
                {n.actions.includes('close') && (
                  <Button type="primary" onClick={() => setDialog('close')}>
                    {t('supervisionRectification.action.close')}
                  </Button>
                )}
                {n.actions.includes('reissue') && (
                  <Button danger onClick={() => setDialog('reissue')}>
                    {t('supervisionRectification.action.reissue')}
                  </Button>
                )}
              </>
            }
          />
          <Card style={{ marginBottom: 16 }}>
            <Descriptions column={{ xs: 1, md: 2 }} size="small">
              <Descriptions.Item label={t('supervisionRectification.col.no')}>{n.no}</Descriptions.Item>
              <Descriptions.Item label={t('supervisionRectification.col.place')}>{n.placeLabel}</Descriptions.Item>
              <Descriptions.Item label={t('supervisionRectification.col.company')}>{n.companyName}</Descriptions.Item>
              <Descriptions.Item label={t('supervisionRectification.col.issuer')}>
                {n.issuerOrg}（{t(`supervisionRectification.level.${n.issuerLevel}`)}，{n.issuerName}）
              </Descriptions.Item>
              <Descriptions.Item label={t('supervisionRectification.col.issuedAt')}>{formatDateTime(n.issuedAt)}</Descriptions.Item>
              <Descriptions.Item label={t('supervisionRectification.col.deadline')}>
                {n.deadline}
                {n.round > 1 && `（${t('supervisionRectification.round', { round: n.round })}）`}
              </Descriptions.Item>
              {n.escalatedAt && (
                <Descriptions.Item label={t('supervisionRectification.detail.escalated')}>
                  {formatDateTime(n.escalatedAt)} → {t(`supervisionRectification.escalatedTo.${n.escalatedTo ?? 'street'}`)}
                </Descriptions.Item>
              )}
              {n.source && <Descriptions.Item label={t('supervisionRectification.detail.source')}>{t('supervisionRectification.detail.fromInspection')}</Descriptions.Item>}
            </Descriptions>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 12, marginBottom: 0 }}>{n.description}</Typography.Paragraph>
          </Card>
          <Card style={{ marginBottom: 16 }} title={t('supervisionRectification.detail.evidence')}>
            <Evidence notice={n} />
          </Card>
          <Card title={t('supervisionRectification.detail.timeline')}>
            <Timeline
              items={n.events.map((e) => ({
                color: e.kind === 'escalated' ? 'red' : e.kind === 'closed' ? 'green' : e.kind === 'reissued' ? 'orange' : 'blue',
                children: (
                  <>
                    <div>
                      <strong>{t(`supervisionRectification.event.${e.kind}`)}</strong> · {e.actorName} · {formatDateTime(e.at)}
                      {n.round > 1 && ` · ${t('supervisionRectification.round', { round: e.round })}`}
                    </div>
                    {e.note && <div style={{ whiteSpace: 'pre-wrap', color: '#555' }}>{e.note}</div>}
                  </>
                ),
              }))}
            />
          </Card>
          {dialog === 'respond' && <RespondModal notice={n} onClose={() => setDialog(null)} />}
          {dialog === 'close' && <CloseModal notice={n} onClose={() => setDialog(null)} />}
          {dialog === 'reissue' && <ReissueModal notice={n} onClose={() => setDialog(null)} />}
        </>
      )}
    </QueryView>
  );
}

function Evidence({ notice }: { notice: Notice }) {
  const { t } = useTranslation();
  if (notice.files.length === 0) return <Typography.Text type="secondary">{t('supervisionRectification.detail.noEvidence')}</Typography.Text>;
  const groups = [...new Set(notice.files.map((f) => `${f.stage}|${f.round}`))];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {groups.map((g) => {
        const [stage, round] = g.split('|') as [string, string];
        const files = notice.files.filter((f) => f.stage === stage && String(f.round) === round);
        return (
          <div key={g}>
            <div style={{ marginBottom: 8 }}>
              {t(`supervisionRectification.detail.stage.${stage}`)}
              {notice.round > 1 && ` · ${t('supervisionRectification.round', { round })}`}
            </div>
            <Image.PreviewGroup>
              <Flex gap={8} wrap>
                {files.map((f) =>
                  f.kind === 'photo' ? (
                    <Image key={f.id} width={96} height={96} style={{ objectFit: 'cover' }} src={fileUrl(notice.id, f.id)} alt={f.fileName} />
                  ) : (
                    <Button key={f.id} icon={<FilePdfOutlined />} href={fileUrl(notice.id, f.id)}>
                      {f.fileName}
                    </Button>
                  ),
                )}
              </Flex>
            </Image.PreviewGroup>
          </div>
        );
      })}
    </Space>
  );
}

function RespondModal({ notice, onClose }: { notice: Notice; onClose: () => void }) {
  const { t } = useTranslation();
  const respond = useRespondNotice(notice.id);
  const [files, setFiles] = useState<UploadFile[]>([]);
  return (
    <FormModal<{ text: string }>
      title={t('supervisionRectification.respond.title', { no: notice.no })}
      open
      onClose={onClose}
      okText={t('supervisionRectification.action.respond')}
      submit={(v) => respond.mutateAsync(toForm({ text: v.text }, blobsOf(files)))}
    >
      <p>{t('supervisionRectification.respond.body', { deadline: notice.deadline })}</p>
      <Form.Item name="text" label={t('supervisionRectification.respond.text')} rules={[{ required: true, whitespace: true, message: t('supervisionRectification.respond.textRequired') }]}>
        <Input.TextArea rows={4} maxLength={NOTICE_TEXT_MAX} showCount />
      </Form.Item>
      <Form.Item label={t('supervisionRectification.respond.files')} extra={t('supervisionRectification.respond.filesHelp')}>
        <EvidencePicker files={files} onChange={setFiles} />
      </Form.Item>
    </FormModal>
  );
}

function CloseModal({ notice, onClose }: { notice: Notice; onClose: () => void }) {
  const { t } = useTranslation();
  const close = useCloseNotice(notice.id);
  return (
    <FormModal<{ note?: string }>
      title={t('supervisionRectification.close.title', { no: notice.no })}
      open
      onClose={onClose}
      okText={t('supervisionRectification.close.confirm')}
      submit={(v) => close.mutateAsync({ note: v.note ?? '' })}
    >
      <p>{t('supervisionRectification.close.body', { company: notice.companyName })}</p>
      <Form.Item name="note" label={t('supervisionRectification.close.note')}>
        <Input.TextArea rows={3} maxLength={NOTICE_TEXT_MAX} />
      </Form.Item>
    </FormModal>
  );
}

function ReissueModal({ notice, onClose }: { notice: Notice; onClose: () => void }) {
  const { t } = useTranslation();
  const reissue = useReissueNotice(notice.id);
  return (
    <FormModal<{ reason: string; deadline: string }>
      title={t('supervisionRectification.reissue.title', { no: notice.no })}
      open
      onClose={onClose}
      okText={t('supervisionRectification.reissue.confirm')}
      submit={(v) => reissue.mutateAsync(v)}
    >
      <p>{t('supervisionRectification.reissue.body')}</p>
      <Form.Item name="reason" label={t('supervisionRectification.reissue.reason')} rules={[{ required: true, whitespace: true, message: t('supervisionRectification.reissue.reasonRequired') }]}>
        <Input.TextArea rows={3} maxLength={NOTICE_TEXT_MAX} showCount />
      </Form.Item>
      <Form.Item name="deadline" label={t('supervisionRectification.form.deadline')} rules={[{ required: true, message: t('supervisionRectification.form.deadlineRequired') }]}>
        <Input type="date" min={todayInShanghai()} style={{ width: 200 }} />
      </Form.Item>
    </FormModal>
  );
}
