import { InboxOutlined, ScanOutlined } from '@ant-design/icons';
import { Alert, App, Breadcrumb, Button, Card, Checkbox, Col, Descriptions, Empty, Flex, Form, Input, type InputRef, Row, Table, Typography, Upload, type UploadFile } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../../../shared/api.ts';
import { formatDateTime } from '../../../../shared/format.ts';
import { PageHeader } from '../../../../workbench/components/PageHeader.tsx';
import { QueryView } from '../../../../workbench/components/QueryView.tsx';
import { showServerErrors } from '../../../../workbench/components/server-errors.ts';
import { type Decision, useDecision } from '../../api.ts';
import { m2 } from '../../components/labels.tsx';
import { entryPath, MAX_SCAN_BYTES, type PaperBallot, roomsText, SCAN_TYPES, type SheetLookup, sheetCodeOf, useEnterPaperBallot, useSheetLookup } from '../api.ts';
import { BallotFields, type BallotValues, contentOf } from '../components/BallotFields.tsx';
import { BallotStatusTag } from '../components/labels.tsx';
import '../i18n.ts';

/**
 * 录入纸质票: scan a sheet's QR code (a USB scanner types its URL and Enter into the focused field) or type its
 * code; the sheet's owner, rooms and area come up with a choice per item, the invalid-sheet switch, the proxy's
 * signature when the owner has one, and the scan to upload. Sent, it waits for a second user's check, and the
 * field is ready for the next sheet. The QR code leads here too (`?sheet=CODE`).
 */
export function PaperEntryPage() {
  const { id = '' } = useParams();
  const decision = useDecision(id);
  return <QueryView query={decision}>{(d) => <EntryView d={d} />}</QueryView>;
}

function EntryView({ d }: { d: Decision }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const asked = search.get('sheet') ?? '';
  const code = sheetCodeOf(asked);
  const [text, setText] = useState('');
  const [bad, setBad] = useState(false);
  const [recent, setRecent] = useState<PaperBallot[]>([]);
  const [saved, setSaved] = useState<PaperBallot | null>(null);
  const field = useRef<InputRef>(null);
  const lookup = useSheetLookup(d.id, code);
  const open = d.status === 'open';

  const focusScan = () => setTimeout(() => field.current?.focus(), 0);
  const find = (value: string) => {
    const c = sheetCodeOf(value);
    setBad(!c);
    if (!c) return;
    setText('');
    setSaved(null);
    // A sheet of another decision: its own entry page.
    const other = /\/decisions\/([0-9a-f-]{36})\/paper/i.exec(value)?.[1];
    if (other && other !== d.id) return void navigate(entryPath(other, c));
    setSearch({ sheet: c }, { replace: true });
  };

  return (
    <>
      <PageHeader
        breadcrumb={
          <Breadcrumb
            items={[
              { title: <Link to="/decisions">{t('menu.decisions')}</Link> },
              { title: <Link to={`/decisions/${d.id}`}>{d.title}</Link> },
              { title: t('decisionsPaper.entry.title') },
            ]}
          />
        }
        title={t('decisionsPaper.entry.title')}
        extra={
          <Link to={`/decisions/${d.id}`}>
            <Button>{t('decisionsPaper.entry.back')}</Button>
          </Link>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Flex vertical gap={16}>
            <Card>
              <Typography.Paragraph type="secondary">{t('decisionsPaper.entry.intro')}</Typography.Paragraph>
              {!open && <Alert type="warning" showIcon title={t('decisionsPaper.entry.notOpen')} style={{ marginBottom: 16 }} />}
              <label htmlFor="gz-paper-scan" style={{ display: 'block', fontWeight: 600, marginBottom: 8 }}>
                {t('decisionsPaper.entry.scanLabel')}
              </label>
              <Input.Search
                id="gz-paper-scan"
                ref={field}
                size="large"
                autoFocus
                autoComplete="off"
                prefix={<ScanOutlined />}
                placeholder={t('decisionsPaper.entry.scanPlaceholder')}
                enterButton={t('decisionsPaper.entry.find')}
                value={text}
                onChange={(e) => setText(e.target.value)}
                onSearch={find}
                status={bad || (asked && !code) ? 'error' : undefined}
                disabled={!open}
              />
              {(bad || (asked && !code)) && <Typography.Text type="danger">{t('decisionsPaper.entry.badCode')}</Typography.Text>}
              {saved && (
                <Alert
                  type="success"
                  showIcon
                  style={{ marginTop: 16 }}
                  title={t('decisionsPaper.entry.saved', { code: saved.sheetCode ?? '', rooms: roomsText(saved.rooms) })}
                />
              )}
            </Card>
            {code && lookup.isError && (
              <Alert type="error" showIcon title={lookup.error instanceof ApiError ? lookup.error.message : String(lookup.error)} />
            )}
            {code && lookup.data && (
              <SheetEntry
                key={lookup.data.sheet.id}
                d={d}
                found={lookup.data}
                open={open}
                onSaved={(b) => {
                  setSaved(b);
                  setRecent((r) => [b, ...r].slice(0, 50));
                  setSearch({}, { replace: true });
                  focusScan();
                }}
              />
            )}
          </Flex>
        </Col>
        <Col xs={24} xl={9}>
          <Card title={t('decisionsPaper.entry.recent')}>
            {recent.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
            ) : (
              <Table<PaperBallot>
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={recent}
                columns={[
                  { title: t('decisionsPaper.entry.code'), dataIndex: 'sheetCode', render: (c: string) => <Typography.Text code style={{ whiteSpace: 'nowrap' }}>{c}</Typography.Text> },
                  { title: t('decisionsPaper.entry.rooms'), key: 'rooms', render: (_, b) => roomsText(b.rooms) },
                  { title: t('decisionsPaper.ballots.statusCol'), key: 'status', render: (_, b) => <BallotStatusTag status={b.status} /> },
                  { title: t('decisionsPaper.ballots.enteredAt'), key: 'at', render: (_, b) => formatDateTime(b.enteredAt) },
                ]}
              />
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}

interface EntryValues extends BallotValues {
  byProxy?: boolean;
  scan?: UploadFile[];
}

/** One sheet found by its code: who it is for, and its content to enter (unless it is void or already entered). */
function SheetEntry({ d, found, open, onSaved }: { d: Decision; found: SheetLookup; open: boolean; onSaved: (b: PaperBallot) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<EntryValues>();
  const [banner, setBanner] = useState<string | null>(null);
  const enter = useEnterPaperBallot(d.id);
  const { sheet, proxy, ballot } = found;

  const submit = async (v: EntryValues) => {
    setBanner(null);
    const file = v.scan?.[0]?.originFileObj;
    if (!file) return;
    try {
      const b = await enter.mutateAsync({ sheet: sheet.code, ...contentOf(v), byProxy: !!v.byProxy, scan: file });
      onSaved(b);
    } catch (err) {
      setBanner(showServerErrors(form, err));
    }
  };

  return (
    <Card title={t('decisionsPaper.entry.sheet')}>
      <Descriptions column={{ xs: 1, md: 2 }} size="small" style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('decisionsPaper.entry.code')}>
          <Typography.Text code strong>
            {sheet.code}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('decisionsPaper.entry.entryNo')}>{sheet.entryNo}</Descriptions.Item>
        <Descriptions.Item label={t('decisionsPaper.entry.owner')}>{sheet.label}</Descriptions.Item>
        <Descriptions.Item label={t('decisionsPaper.entry.area')}>{t('decisionsPaper.entry.areaValue', { area: m2(sheet.areaCenti) })}</Descriptions.Item>
        <Descriptions.Item label={t('decisionsPaper.entry.rooms')} span="filled">
          {roomsText(sheet.rooms)}
        </Descriptions.Item>
      </Descriptions>
      {sheet.status === 'void' ? (
        <Alert type="error" showIcon title={sheet.replacedBy ? t('decisionsPaper.entry.voidBy', { code: sheet.replacedBy }) : t('decisionsPaper.entry.void')} />
      ) : ballot ? (
        <Alert
          type="info"
          showIcon
          title={t('decisionsPaper.entry.already', { status: t(`decisionsPaper.ballotStatus.${ballot.status}`) })}
          description={<BallotStatusTag status={ballot.status} />}
        />
      ) : (
        <Form<EntryValues> form={form} layout="vertical" onFinish={submit} disabled={!open || enter.isPending} initialValues={{ invalid: false, byProxy: false }} scrollToFirstError>
          {banner && <Alert type="error" showIcon title={banner} style={{ marginBottom: 16 }} />}
          <BallotFields items={found.items} large />
          {proxy && (
            <Form.Item
              name="byProxy"
              valuePropName="checked"
              extra={t('decisionsPaper.form.byProxyHint', { name: proxy.name, status: t(`decisionsPaper.form.proxyStatus.${proxy.status}`) })}
            >
              <Checkbox>{t('decisionsPaper.form.byProxy')}</Checkbox>
            </Form.Item>
          )}
          <Form.Item
            name="scan"
            label={t('decisionsPaper.form.scan')}
            valuePropName="fileList"
            getValueFromEvent={(e: { fileList: UploadFile[] }) => e.fileList.slice(-1)}
            rules={[{ required: true, message: t('decisionsPaper.form.scanRequired') }]}
            extra={t('decisionsPaper.form.scanHint')}
          >
            <Upload.Dragger
              accept={SCAN_TYPES.join(',')}
              maxCount={1}
              beforeUpload={(file) => {
                if (!(SCAN_TYPES as readonly string[]).includes(file.type)) {
                  void message.error(t('decisionsPaper.form.scanType'));
                  return Upload.LIST_IGNORE;
                }
                if (file.size > MAX_SCAN_BYTES) {
                  void message.error(t('decisionsPaper.form.scanTooLarge'));
                  return Upload.LIST_IGNORE;
                }
                return false;
              }}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{t('decisionsPaper.form.scanChoose')}</p>
            </Upload.Dragger>
          </Form.Item>
          <Button type="primary" htmlType="submit" size="large" loading={enter.isPending}>
            {t('decisionsPaper.entry.submit')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
