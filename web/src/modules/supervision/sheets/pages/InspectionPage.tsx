import { ArrowLeftOutlined, CameraOutlined, DeleteOutlined, FileAddOutlined, FileOutlined } from '@ant-design/icons';
import { Affix, Alert, App, Button, Card, Descriptions, Flex, Image, Input, InputNumber, Radio, Space, Statistic, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../../../workbench/components/PageHeader.tsx';
import { QueryView } from '../../../../workbench/components/QueryView.tsx';
import {
  fileUrl,
  type Inspection,
  type InspectionIndicator,
  points,
  useDeleteInspection,
  useInspection,
  useRemoveEvidence,
  useSaveItem,
  useSubmitInspection,
  useUploadEvidence,
} from '../api.ts';
import './phone.css';

/**
 * An inspection: on a phone as well as a desk (390 px wide and up) — one stacked card per indicator with big inputs,
 * the camera for evidence, the score kept in view; once submitted, the record read-only with its breakdown and, on a
 * finding, the button that issues a rectification notice from it.
 */
export function InspectionPage() {
  const { id = '' } = useParams();
  const inspection = useInspection(id);
  return <QueryView query={inspection}>{(v) => <InspectionBody inspection={v} />}</QueryView>;
}

function InspectionBody({ inspection: v }: { inspection: Inspection }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const navigate = useNavigate();
  const submit = useSubmitInspection(v.id);
  const remove = useDeleteInspection(v.id);
  const [note, setNote] = useState(v.note);
  const editable = v.can.edit;
  const fail = (err: unknown) => message.error(err instanceof Error ? err.message : String(err));

  const onSubmit = () =>
    modal.confirm({
      title: t('supervisionSheets.inspection.submitTitle'),
      content: t('supervisionSheets.inspection.submitBody', { score: points(v.scoreCenti) }),
      okText: t('supervisionSheets.inspection.submit'),
      onOk: () => submit.mutateAsync(note).then((s) => message.success(t('supervisionSheets.inspection.submitted', { score: points(s.scoreCenti) })), fail),
    });
  const onDelete = () =>
    modal.confirm({
      title: t('supervisionSheets.inspection.deleteConfirm'),
      okButtonProps: { danger: true },
      onOk: () => remove.mutateAsync(undefined).then(() => navigate('/supervision/inspections'), fail),
    });

  return (
    <div className="gz-sup-phone" style={{ maxWidth: 880 }}>
      <PageHeader
        breadcrumb={
          <Link to="/supervision/inspections">
            <ArrowLeftOutlined /> {t('supervisionSheets.inspection.back')}
          </Link>
        }
        title={`${v.compoundName} · ${v.period}`}
        tags={<Tag color={v.status === 'submitted' ? 'green' : 'gold'}>{t(`supervisionSheets.inspectionStatus.${v.status}`)}</Tag>}
        extra={
          editable && (
            <Button danger icon={<DeleteOutlined />} onClick={onDelete}>
              {t('supervisionSheets.inspection.delete')}
            </Button>
          )
        }
      />
      <Affix offsetTop={0}>
        <Card size="small" style={{ marginBottom: 12 }} data-testid="inspection-score">
          <Flex justify="space-between" align="center" wrap gap={8}>
            <Statistic title={v.status === 'submitted' ? t('supervisionSheets.inspection.score') : t('supervisionSheets.inspection.scoreDraft')} value={points(v.scoreCenti)} />
            {editable && (
              <Space direction="vertical" align="end">
                <Typography.Text type={v.missingCodes.length ? 'warning' : 'success'}>
                  {v.missingCodes.length ? t('supervisionSheets.inspection.missing', { count: v.missingCodes.length }) : t('supervisionSheets.inspection.allFilled')}
                </Typography.Text>
                <Button type="primary" size="large" onClick={onSubmit} disabled={v.missingCodes.length > 0} loading={submit.isPending}>
                  {t('supervisionSheets.inspection.submit')}
                </Button>
              </Space>
            )}
          </Flex>
        </Card>
      </Affix>
      {!editable && v.status === 'submitted' && <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('supervisionSheets.inspection.readOnly')} />}
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
          <Descriptions.Item label={t('supervisionSheets.inspection.sheet')}>
            <Link to={`/supervision/sheets/${v.sheetId}`}>{`${v.sheetName} · ${t('supervisionSheets.sheets.version', { version: v.sheetVersion })}`}</Link>
          </Descriptions.Item>
          <Descriptions.Item label={t('supervisionSheets.inspection.inspector')}>{v.inspectorName}</Descriptions.Item>
        </Descriptions>
        {editable ? (
          <Input.TextArea
            aria-label={t('supervisionSheets.inspection.generalNote')}
            placeholder={t('supervisionSheets.inspection.generalNote')}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            autoSize={{ minRows: 2 }}
            maxLength={1000}
          />
        ) : (
          v.note && <Typography.Paragraph style={{ marginBottom: 0 }}>{v.note}</Typography.Paragraph>
        )}
      </Card>
      {v.sections.map((s) => (
        <section key={s.id} aria-label={s.name}>
          <Typography.Title level={4} style={{ marginTop: 16 }}>
            {s.name}（{s.weight}%）
          </Typography.Title>
          <Typography.Paragraph type="secondary">
            {t('supervisionSheets.inspection.sectionScore', { percent: points(s.percentCenti), contribution: points(s.contributionCenti) })}
          </Typography.Paragraph>
          {s.indicators.map((ind) => (
            <IndicatorCard key={ind.id} inspection={v} indicator={ind} />
          ))}
        </section>
      ))}
    </div>
  );
}

/** One indicator: what to check, the entry of its method, a note, evidence, what it is credited. */
function IndicatorCard({ inspection: v, indicator: ind }: { inspection: Inspection; indicator: InspectionIndicator }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const save = useSaveItem(v.id);
  const upload = useUploadEvidence(v.id);
  const removeFile = useRemoveEvidence(v.id);
  const [awarded, setAwarded] = useState<number | null>(ind.awardedCenti == null ? null : ind.awardedCenti / 100);
  const [note, setNote] = useState(ind.note);
  const photoInput = useRef<HTMLInputElement>(null);
  const docInput = useRef<HTMLInputElement>(null);
  const editable = v.can.edit;
  const label = `${ind.code} ${ind.name}`;
  const fail = (err: unknown) => void message.error(err instanceof Error ? err.message : String(err));
  const send = (body: Parameters<typeof save.mutate>[0]) => save.mutate(body, { onError: fail });
  const saveAwarded = () => {
    const c = awarded == null ? null : Math.round(awarded * 100);
    if (c !== ind.awardedCenti) send({ indicatorId: ind.id, awardedCenti: c });
  };
  const onFile = (kind: 'photo' | 'document') => (e: React.ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (file) upload.mutate({ indicatorId: ind.id, file, kind }, { onError: fail, onSuccess: () => void message.success(t('supervisionSheets.inspection.uploaded')) });
  };
  const takesDocuments = ind.evidence === 'document' || ind.evidence === 'photo_or_document';
  const takesPhotos = ind.evidence !== 'document';

  return (
    <Card size="small" style={{ marginBottom: 12 }} data-code={ind.code} aria-label={label} role="group">
      <Flex justify="space-between" gap={8} wrap>
        <Typography.Text strong style={{ fontSize: 16 }}>
          {ind.code} {ind.name}
        </Typography.Text>
        <Space size={4} wrap>
          <Tag>{ind.method === 'deduction' ? `${t(`supervisionSheets.method.${ind.method}`)} · ${t('supervisionSheets.sheet.deductionRule', { points: points(ind.deductionCenti) })}` : t(`supervisionSheets.method.${ind.method}`)}</Tag>
          <Tag>{t('supervisionSheets.sheet.points', { points: points(ind.maxCenti) })}</Tag>
          {ind.evidence !== 'none' && <Tag color="blue">{t(`supervisionSheets.evidence.${ind.evidence}`)}</Tag>}
        </Space>
      </Flex>
      {ind.guidance && (
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 8px' }}>
          {ind.guidance}
        </Typography.Paragraph>
      )}
      <Flex vertical gap={8} style={{ marginTop: 8 }}>
        {ind.method === 'points' &&
          (editable ? (
            <label>
              <div>{t('supervisionSheets.inspection.awarded', { max: points(ind.maxCenti) })}</div>
              <InputNumber
                size="large"
                inputMode="decimal"
                aria-label={`${ind.code} ${t('supervisionSheets.inspection.awarded', { max: points(ind.maxCenti) })}`}
                min={0}
                max={ind.maxCenti / 100}
                step={0.5}
                precision={2}
                value={awarded}
                onChange={(x) => setAwarded(x)}
                onBlur={saveAwarded}
                onPressEnter={saveAwarded}
                style={{ width: '100%', maxWidth: 240 }}
              />
            </label>
          ) : (
            <Typography.Text>{t('supervisionSheets.inspection.awarded', { max: points(ind.maxCenti) })}：{points(ind.awardedCenti)}</Typography.Text>
          ))}
        {ind.method === 'deduction' &&
          (editable ? (
            <label>
              <div>{t('supervisionSheets.inspection.findings')}</div>
              <InputNumber
                size="large"
                inputMode="numeric"
                aria-label={`${ind.code} ${t('supervisionSheets.inspection.findings')}`}
                min={0}
                max={999}
                precision={0}
                value={ind.findings}
                onChange={(x) => x != null && x !== ind.findings && send({ indicatorId: ind.id, findings: x })}
                style={{ width: '100%', maxWidth: 240 }}
              />
            </label>
          ) : (
            <Typography.Text>{t('supervisionSheets.inspection.findings')}：{ind.findings}</Typography.Text>
          ))}
        {ind.method === 'yes_no' &&
          (editable ? (
            <Radio.Group
              aria-label={`${ind.code} ${t('supervisionSheets.inspection.met')}`}
              optionType="button"
              buttonStyle="solid"
              size="large"
              value={ind.met}
              onChange={(e) => send({ indicatorId: ind.id, met: e.target.value as boolean })}
              options={[
                { value: true, label: t('supervisionSheets.inspection.yes') },
                { value: false, label: t('supervisionSheets.inspection.no') },
              ]}
            />
          ) : (
            <Typography.Text>{ind.met == null ? '—' : ind.met ? t('supervisionSheets.inspection.yes') : t('supervisionSheets.inspection.no')}</Typography.Text>
          ))}
        {editable ? (
          <Input.TextArea
            aria-label={`${ind.code} ${t('supervisionSheets.inspection.note')}`}
            placeholder={t('supervisionSheets.inspection.notePlaceholder')}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            onBlur={() => note !== ind.note && send({ indicatorId: ind.id, note })}
            autoSize={{ minRows: 1 }}
            maxLength={1000}
          />
        ) : (
          ind.note && <Typography.Text>{ind.note}</Typography.Text>
        )}
        {ind.files.length > 0 && (
          <Flex gap={8} wrap>
            {ind.files.map((f) => (
              <Flex key={f.id} vertical align="center" gap={2}>
                {f.kind === 'photo' ? (
                  <Image src={fileUrl(v.id, f.id)} alt={f.fileName} width={88} height={66} style={{ objectFit: 'cover' }} />
                ) : (
                  <a href={fileUrl(v.id, f.id)} target="_blank" rel="noreferrer">
                    <FileOutlined /> {f.fileName}
                  </a>
                )}
                {editable && (
                  <Button size="small" type="link" danger onClick={() => removeFile.mutate(f.id, { onError: fail })}>
                    {t('supervisionSheets.inspection.removeFile')}
                  </Button>
                )}
              </Flex>
            ))}
          </Flex>
        )}
        {editable && (
          <Space wrap>
            {takesPhotos && (
              <>
                <input ref={photoInput} type="file" accept="image/*" capture="environment" hidden onChange={onFile('photo')} aria-label={`${ind.code} ${t('supervisionSheets.inspection.takePhoto')}`} />
                <Button size="large" icon={<CameraOutlined />} onClick={() => photoInput.current?.click()} loading={upload.isPending}>
                  {t('supervisionSheets.inspection.takePhoto')}
                </Button>
              </>
            )}
            {takesDocuments && (
              <>
                <input ref={docInput} type="file" accept="application/pdf,image/*" hidden onChange={onFile('document')} aria-label={`${ind.code} ${t('supervisionSheets.inspection.addDocument')}`} />
                <Button size="large" icon={<FileAddOutlined />} onClick={() => docInput.current?.click()} loading={upload.isPending}>
                  {t('supervisionSheets.inspection.addDocument')}
                </Button>
              </>
            )}
          </Space>
        )}
        <Flex justify="space-between" align="center" wrap gap={8}>
          {ind.evidenceMissing ? <Tag color="red">{t('supervisionSheets.inspection.evidenceMissing')}</Tag> : <Tag color="green">{t('supervisionSheets.inspection.credited', { points: points(ind.creditedCenti) })}</Tag>}
          {v.status === 'submitted' && ind.finding && (
            <Space wrap>
              <Tag color="orange">{t('supervisionSheets.inspection.finding')}</Tag>
              {v.can.issueNotice && (
                <Link to={`/supervision/notices/new?inspectionId=${v.id}&indicatorId=${ind.id}`}>
                  <Button type="primary" ghost>
                    {t('supervisionSheets.inspection.issueNotice')}
                  </Button>
                </Link>
              )}
            </Space>
          )}
        </Flex>
      </Flex>
    </Card>
  );
}
