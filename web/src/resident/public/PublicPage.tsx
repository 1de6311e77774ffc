import { useQuery } from '@tanstack/react-query';
import { Button, DotLoading, ErrorBlock, List, Space, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { PublicPageAnswer, PublicSection } from '#server/kernel/contract.ts';
import { ApiError, apiGet } from '../../shared/api.ts';
import { formatDateTime } from '../../shared/format.ts';
import { useElderlyMode } from '../elderly.ts';
import './public.css';

/** The JSON of a public page: `/api/public/<key>` or `/api/public/<key>/<id>`, in the shell's language. */
const usePublicPage = (key: string, id: string | undefined, lang: string) =>
  useQuery({
    queryKey: ['public', key, id ?? null, lang],
    queryFn: () => apiGet<PublicPageAnswer>(`/api/public/${encodeURIComponent(key)}${id ? `/${encodeURIComponent(id)}` : ''}`),
    // A missing page or a rate limit will not change by asking again at once.
    retry: (count, err) => !(err instanceof ApiError && [400, 404, 429].includes(err.status)) && count < 2,
  });

/**
 * Any module's public page (kernel/public/public-pages.ts), as a QR code in the lobby opens it: no
 * sign-in, phone-sized, elderly mode respected (and offered), with a link to the printable PDF. It
 * renders the generic sections (text, facts, table, list), so a module declares a page on the server
 * and needs no web code.
 */
export function PublicPage() {
  const { t, i18n } = useTranslation();
  const { key = '', id } = useParams();
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  const q = usePublicPage(key, id, lang);
  const [elderly, setElderly] = useElderlyMode(null);
  return (
    <div className="gz-app gz-public">
      <header className="gz-titlebar">
        <h1>{t('h5public.brand')}</h1>
      </header>
      {q.isPending ? (
        <div className="gz-center" aria-busy>
          <DotLoading color="primary" />
        </div>
      ) : q.isError ? (
        <PublicError error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <article className="gz-public-page" aria-labelledby="gz-public-title">
          <h2 id="gz-public-title">{q.data.title}</h2>
          {q.data.subtitle && <p className="gz-public-subtitle">{q.data.subtitle}</p>}
          <p className="gz-public-meta">
            {q.data.place && <span>{q.data.place}</span>}
            <span>{t('h5public.updated', { at: formatDateTime(q.data.updatedAt) })}</span>
          </p>
          {q.data.sections.map((s, i) => (
            <Section key={i} section={s} />
          ))}
          <Space className="gz-public-actions" wrap>
            <a className="adm-button adm-button-primary adm-button-fill-outline adm-button-shape-default" href={`${q.data.links.pdf}?lang=${lang}`} target="_blank" rel="noopener">
              {t('h5public.print')}
            </a>
            <Button fill="none" size="small" onClick={() => setElderly(!elderly)} aria-pressed={elderly}>
              {elderly ? t('h5public.normalText') : t('h5public.largeText')}
            </Button>
          </Space>
          <p className="gz-public-note">{t('h5public.note')}</p>
        </article>
      )}
    </div>
  );
}

function PublicError({ error, onRetry }: { error: Error; onRetry: () => void }) {
  const { t } = useTranslation();
  const status = error instanceof ApiError ? error.status : 0;
  if (status === 404 || status === 400) {
    return <ErrorBlock status="empty" fullPage={false} title={t('h5public.notFound')} description={t('h5public.notFoundHint')} />;
  }
  return (
    <ErrorBlock status="default" fullPage={false} title={status === 429 ? t('h5public.tooMany') : t('h5.loadFailed')} description={status === 429 ? t('h5public.tooManyHint') : error.message}>
      <Button color="primary" onClick={onRetry}>
        {t('common.retry')}
      </Button>
    </ErrorBlock>
  );
}

function Section({ section: s }: { section: PublicSection }) {
  const { t } = useTranslation();
  const heading = s.heading ? <h3>{s.heading}</h3> : null;
  switch (s.kind) {
    case 'text':
      return (
        <section className="gz-public-section">
          {heading}
          <p className="gz-public-text">{s.text}</p>
        </section>
      );
    case 'facts':
      return (
        <section className="gz-public-section">
          {heading}
          <dl className="gz-public-facts">
            {s.facts.map((f) => (
              <div key={f.label}>
                <dt>{f.label}</dt>
                <dd>{f.value}</dd>
              </div>
            ))}
          </dl>
        </section>
      );
    case 'table':
      return (
        <section className="gz-public-section">
          {heading}
          {s.rows.length === 0 ? (
            <p className="gz-public-empty">{t('h5public.none')}</p>
          ) : (
            <div className="gz-public-table-wrap">
              <table className="gz-public-table">
                <thead>
                  <tr>
                    {s.columns.map((c) => (
                      <th key={c} scope="col">
                        {c}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {s.rows.map((r, i) => (
                    <tr key={i}>
                      {r.map((c, j) => (j === 0 ? <th key={j} scope="row">{c ?? '—'}</th> : <td key={j}>{c ?? '—'}</td>))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      );
    case 'list':
      return (
        <section className="gz-public-section">
          {s.items.length === 0 ? (
            <>
              {heading}
              <p className="gz-public-empty">{s.empty ?? t('h5public.none')}</p>
            </>
          ) : (
            <List header={s.heading}>
              {s.items.map((item, i) => {
                const body = (
                  <>
                    {item.text && <p className="gz-public-item-text">{item.text}</p>}
                    {item.reply && (
                      <p className="gz-public-reply">
                        <Tag color="success" fill="outline">
                          {t('h5public.reply')}
                        </Tag>{' '}
                        {item.reply}
                      </p>
                    )}
                  </>
                );
                const description = [item.by, item.meta].filter(Boolean).join(' · ');
                return item.link ? (
                  <List.Item key={i} description={description || undefined} arrowIcon>
                    <Link to={item.link.replace(/^\/h5/, '')}>{item.title}</Link>
                    {body}
                  </List.Item>
                ) : (
                  <List.Item key={i} description={description || undefined}>
                    <span className="gz-public-item-title">{item.title}</span>
                    {body}
                  </List.Item>
                );
              })}
            </List>
          )}
        </section>
      );
  }
}
