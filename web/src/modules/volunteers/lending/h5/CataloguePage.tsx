import { Button, Card, ErrorBlock, SearchBar, Selector, Space, Tag } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { BackTitle } from '../../../../resident/BackTitle.tsx';
import { formatDate } from '../../../../shared/format.ts';
import { useCatalogue } from '../api.ts';
import { Loaded } from '../../../../resident/Loaded.tsx';
import { PostItemPopup } from './PostItemPopup.tsx';

const PAGE = 20;

/**
 * 工具图书 (H5): the tools and books of my compound — search by title or author, tools / books, available / lent (with
 * the due day), more on demand; a card opens the item; 我的出借 and 分享物品 at the top.
 */
export function CataloguePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const [kind, setKind] = useState<'' | 'tool' | 'book'>('');
  const [availability, setAvailability] = useState<'' | 'available' | 'lent'>('');
  const [compoundId, setCompoundId] = useState<string>('');
  const [size, setSize] = useState(PAGE);
  const [posting, setPosting] = useState(false);
  const catalogue = useCatalogue({ q: q || undefined, kind: kind || undefined, availability: availability || undefined, compoundId: compoundId || undefined, pageSize: size });
  const filtered = !!(q || kind || availability);
  return (
    <>
      <BackTitle fallback="/services">{t('volLending.h5.title')}</BackTitle>
      <Space direction="vertical" block style={{ padding: 12 }}>
        <Space wrap>
          <Link to="/volunteers/lending/mine">
            <Button size="middle">{t('volLending.h5.mine')}</Button>
          </Link>
          <Button size="middle" color="primary" disabled={!catalogue.data?.compoundId} onClick={() => setPosting(true)}>
            {t('volLending.h5.post')}
          </Button>
        </Space>
        <SearchBar placeholder={t('volLending.h5.search')} onSearch={(v) => (setQ(v.trim()), setSize(PAGE))} onClear={() => setQ('')} />
        {(catalogue.data?.compounds.length ?? 0) > 1 && (
          <Selector
            aria-label={t('volLending.h5.compound')}
            options={catalogue.data!.compounds.map((c) => ({ label: c.compoundName, value: c.compoundId }))}
            value={[catalogue.data!.compoundId ?? '']}
            onChange={(v) => v[0] && (setCompoundId(v[0]), setSize(PAGE))}
          />
        )}
        <Selector
          options={[
            { label: t('volLending.h5.all'), value: '' },
            { label: t('volLending.kind.tool'), value: 'tool' },
            { label: t('volLending.kind.book'), value: 'book' },
          ]}
          value={[kind]}
          onChange={(v) => (setKind((v[0] ?? '') as typeof kind), setSize(PAGE))}
        />
        <Selector
          options={[
            { label: t('volLending.h5.all'), value: '' },
            { label: t('volLending.h5.available'), value: 'available' },
            { label: t('volLending.h5.lentOut'), value: 'lent' },
          ]}
          value={[availability]}
          onChange={(v) => (setAvailability((v[0] ?? '') as typeof availability), setSize(PAGE))}
        />
      </Space>
      <Loaded q={catalogue}>
        {(d) =>
          d.compounds.length === 0 ? (
            <ErrorBlock status="empty" fullPage={false} title={t('volLending.h5.notResident')} />
          ) : d.items.length === 0 ? (
            <ErrorBlock status="empty" fullPage={false} title={filtered ? t('volLending.h5.noMatch') : t('volLending.h5.none')} />
          ) : (
            <Space direction="vertical" block style={{ padding: '0 12px 12px' }}>
              {d.items.map((i) => (
                <Card key={i.id} title={i.title} onClick={() => void navigate(`/volunteers/lending/${i.id}`)} data-testid="lending-item" style={{ cursor: 'pointer' }}>
                  <Space wrap style={{ marginBottom: 6 }}>
                    <Tag color="primary" fill="outline">
                      {t(`volLending.kind.${i.kind}`)}
                    </Tag>
                    {i.available ? <Tag color="success">{t('volLending.h5.available')}</Tag> : <Tag color="warning">{t('volLending.h5.lentUntil', { date: formatDate(i.dueOn) })}</Tag>}
                    {i.mine && <Tag>{t('volLending.h5.myItem')}</Tag>}
                    {i.myLoan?.status === 'requested' && <Tag color="warning">{t('volLending.h5.requested')}</Tag>}
                  </Space>
                  {i.author && <div>{t('volLending.h5.byAuthor', { author: i.author })}</div>}
                  <div style={{ color: 'var(--adm-color-weak)' }}>
                    {t('volLending.h5.owner', { name: i.ownerName })} · {t('volLending.h5.loanDays', { days: i.loanDays })}
                  </div>
                </Card>
              ))}
              {d.total > d.items.length && (
                <Button block onClick={() => setSize((s) => Math.min(200, s + PAGE))}>
                  {t('volLending.h5.more')}
                </Button>
              )}
            </Space>
          )
        }
      </Loaded>
      {posting && catalogue.data?.compoundId && <PostItemPopup compoundId={catalogue.data.compoundId} onClose={() => setPosting(false)} />}
    </>
  );
}
