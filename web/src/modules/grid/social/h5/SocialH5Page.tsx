import { Card, DotLoading, ErrorBlock, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { BackTitle } from '../../../../resident/BackTitle.tsx';
import { useMine, yuan } from '../api.ts';
import '../i18n.ts';

const SECTION = { fontSize: '1.15em', margin: '16px 0 8px' } as const;

/**
 * 社区社会组织 (H5), open books: the active social organisations of my community (and of the street) — name, field,
 * registration, people, what they do — and the funded 公益创投 projects there: title, organisation, grant. No
 * contacts, no scores. Cards, large type, nothing to tap precisely (elderly mode).
 */
export function SocialH5Page() {
  const { t } = useTranslation();
  const q = useMine();
  return (
    <>
      <BackTitle fallback="/services">{t('gridSocial.h5.title')}</BackTitle>
      {q.isPending ? (
        <div className="gz-center" aria-busy>
          <DotLoading color="primary" />
        </div>
      ) : q.isError ? (
        <ErrorBlock status="default" fullPage={false} title={t('h5.loadFailed')} description={q.error.message} />
      ) : q.data.communities.length === 0 && q.data.orgs.length === 0 ? (
        <div className="gz-padded">
          <p>{t('gridSocial.h5.noHome')}</p>
        </div>
      ) : (
        <div className="gz-padded">
          <h2 style={SECTION}>{t('gridSocial.h5.projects')}</h2>
          {q.data.projects.length === 0 ? (
            <p>{t('gridSocial.h5.none')}</p>
          ) : (
            q.data.projects.map((p) => (
              <Card key={p.id} title={p.title} extra={<Tag color="primary">{p.year}</Tag>} style={{ marginBottom: 12 }} data-testid="social-project">
                <div style={{ display: 'grid', gap: 6 }}>
                  <div>{p.orgName}</div>
                  <div style={{ fontWeight: 600 }}>{t('gridSocial.h5.grant', { amount: yuan(p.grantFen) })}</div>
                  <div>
                    <Tag>{t(`gridSocial.field.${p.field}`)}</Tag> <Tag color="default">{t(`gridSocial.roundStatus.${p.roundStatus}`)}</Tag>
                    {p.grade && (
                      <Tag color={p.grade === 'fail' ? 'danger' : 'success'} style={{ marginLeft: 6 }}>
                        {t(`gridSocial.grade.${p.grade}`)}
                      </Tag>
                    )}
                  </div>
                </div>
              </Card>
            ))
          )}
          <h2 style={SECTION}>{t('gridSocial.h5.orgs')}</h2>
          {q.data.orgs.length === 0 ? (
            <p>{t('gridSocial.h5.none')}</p>
          ) : (
            q.data.orgs.map((o) => (
              <Card key={o.id} title={o.name} extra={<Tag>{t(`gridSocial.field.${o.field}`)}</Tag>} style={{ marginBottom: 12 }} data-testid="social-org">
                <div style={{ display: 'grid', gap: 6 }}>
                  <div>
                    {o.placeName} · {t(`gridSocial.registration.${o.registration}`)} · {t('gridSocial.h5.people', { count: o.peopleCount })}
                  </div>
                  {o.description && <div style={{ color: 'var(--adm-color-weak)' }}>{o.description}</div>}
                </div>
              </Card>
            ))
          )}
        </div>
      )}
    </>
  );
}
