import { Button, Card, DotLoading, ErrorBlock, Form, Image, ImageViewer, List, Popup, Space, Tag, TextArea, Toast } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useParams } from 'react-router';
import { BackTitle } from '../../../../resident/BackTitle.tsx';
import { ApiError } from '../../../../shared/api.ts';
import { type MyLine, useAskQuestion, useMyStatement, yuan } from '../api.ts';

/**
 * 账目公开 → a month: the totals, then every income and expense line with its basis, vouchers (photos shown,
 * PDFs opened) and the questions owners asked with the committee's answers; 提出疑问 on any line.
 */
export function MyStatementPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { hash } = useLocation();
  const statement = useMyStatement(id);
  const [asking, setAsking] = useState<MyLine | null>(null);
  useEffect(() => {
    if (statement.data && hash) document.getElementById(hash.slice(1))?.scrollIntoView({ block: 'start' });
  }, [statement.data, hash]);
  if (statement.isPending) return <DotLoading />;
  if (statement.isError) return <ErrorBlock status="default" title={t('feesBooks.h5.loadFailed')} />;
  const s = statement.data;
  const section = (direction: 'income' | 'expense') => (
    <List header={t(direction === 'income' ? 'feesBooks.h5.incomeLines' : 'feesBooks.h5.expenseLines')}>
      {s.lines
        .filter((l) => l.direction === direction)
        .map((l) => (
          <LineItem key={l.id} line={l} onAsk={() => setAsking(l)} />
        ))}
    </List>
  );
  return (
    <>
      <BackTitle fallback="/fees/books">{`${s.compoundName} · ${t('feesBooks.h5.month', { month: s.month })}`}</BackTitle>
      <Card style={{ margin: 12 }}>
        <Space justify="between" block wrap>
          <Total label={t('feesBooks.h5.income')} fen={s.incomeFen} />
          <Total label={t('feesBooks.h5.expense')} fen={s.expenseFen} />
          <Total label={t('feesBooks.h5.balance')} fen={s.balanceFen} />
        </Space>
      </Card>
      {section('income')}
      {section('expense')}
      <div style={{ padding: 16 }}>
        <Button block size="large" onClick={() => void window.open(`/api/me/fees/books/${s.id}/statement.pdf`, '_blank')}>
          {t('feesBooks.h5.downloadPdf')}
        </Button>
      </div>
      <AskPopup line={asking} onClose={() => setAsking(null)} />
    </>
  );
}

function Total({ label, fen }: { label: string; fen: number }) {
  return (
    <div style={{ textAlign: 'center' }}>
      <div style={{ color: 'var(--adm-color-weak)' }}>{label}</div>
      <div style={{ fontSize: 'var(--adm-font-size-9)', fontWeight: 600 }}>¥{yuan(fen)}</div>
    </div>
  );
}

function LineItem({ line: l, onAsk }: { line: MyLine; onAsk: () => void }) {
  const { t } = useTranslation();
  const images = l.vouchers.filter((v) => v.mime !== 'application/pdf');
  const pdfs = l.vouchers.filter((v) => v.mime === 'application/pdf');
  const src = (id: string) => `/api/me/fees/books/vouchers/${id}`;
  return (
    <List.Item
      description={
        <div id={`line-${l.id}`} style={{ display: 'grid', gap: 6 }}>
          <div>
            {l.counterparty} · {l.occurredOn}
          </div>
          {l.basisLabel && <div>{t('feesBooks.h5.basis', { basis: l.basisLabel })}</div>}
          {l.formula && <div>{t('feesBooks.h5.formula', { formula: l.formula })}</div>}
          {l.vouchers.length > 0 && (
            <Space wrap>
              {images.map((v, i) => (
                <Image
                  key={v.id}
                  src={src(v.id)}
                  alt={v.name}
                  width={72}
                  height={56}
                  fit="cover"
                  style={{ borderRadius: 4 }}
                  onClick={() => ImageViewer.Multi.show({ images: images.map((x) => src(x.id)), defaultIndex: i })}
                />
              ))}
              {pdfs.map((v, i) => (
                <a key={v.id} href={src(v.id)} target="_blank" rel="noreferrer">
                  {t('feesBooks.h5.openPdf', { n: i + 1 })}
                </a>
              ))}
            </Space>
          )}
          {l.questions.map((q) => (
            <div key={q.id} style={{ background: 'var(--adm-color-fill-content)', padding: 8, borderRadius: 6 }}>
              {q.hidden ? (
                <span>{t('feesBooks.h5.hidden')}</span>
              ) : (
                <>
                  <div>
                    <Tag color="primary" fill="outline">
                      {t('feesBooks.h5.question')}
                    </Tag>{' '}
                    {q.body}
                  </div>
                  <div style={{ marginTop: 4 }}>
                    {q.answer ? (
                      <>
                        <Tag color="success" fill="outline">
                          {t('feesBooks.h5.answer')}
                        </Tag>{' '}
                        {q.answer}
                      </>
                    ) : (
                      <span style={{ color: 'var(--adm-color-weak)' }}>{t('feesBooks.h5.waiting')}</span>
                    )}
                  </div>
                </>
              )}
            </div>
          ))}
          <div>
            <Button size="small" onClick={onAsk}>
              {t('feesBooks.h5.ask')}
            </Button>
          </div>
        </div>
      }
      extra={`¥${yuan(l.amountFen)}`}
    >
      {t('feesBooks.h5.lineNo', { no: l.lineNo })} · {t(`feesBooks.category.${l.category}`)} · {l.description}
    </List.Item>
  );
}

function AskPopup({ line, onClose }: { line: MyLine | null; onClose: () => void }) {
  const { t } = useTranslation();
  const ask = useAskQuestion();
  const [body, setBody] = useState('');
  const submit = async () => {
    if (!line) return;
    try {
      await ask.mutateAsync({ lineId: line.id, body: body.trim() });
      Toast.show({ icon: 'success', content: t('feesBooks.h5.asked') });
      setBody('');
      onClose();
    } catch (e) {
      Toast.show({ content: e instanceof ApiError ? e.message : t('feesBooks.h5.loadFailed') });
    }
  };
  return (
    <Popup visible={!!line} onMaskClick={onClose} bodyStyle={{ padding: 16 }}>
      <h3 style={{ marginTop: 0 }}>{line ? t('feesBooks.h5.askTitle', { no: line.lineNo }) : ''}</h3>
      <p style={{ color: 'var(--adm-color-weak)' }}>{t('feesBooks.h5.askHelp')}</p>
      <Form layout="vertical">
        <Form.Item label={t('feesBooks.h5.question')}>
          <TextArea value={body} onChange={setBody} placeholder={t('feesBooks.h5.askPlaceholder')} maxLength={1000} rows={4} showCount />
        </Form.Item>
      </Form>
      <Button block color="primary" size="large" loading={ask.isPending} disabled={body.trim().length < 2} onClick={() => void submit()}>
        {t('feesBooks.h5.send')}
      </Button>
    </Popup>
  );
}
