import { Button, DotLoading, ErrorBlock, Image, List, NoticeBar, SearchBar, Selector, Tabs, Tag } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { BackTitle } from '../../../../resident/BackTitle.tsx';
import { formatDateTime } from '../../../../shared/format.ts';
import { type Board, useBoard, useBoardCompounds } from '../api.ts';
import { carpoolLine, statusColor } from '../components/labels.ts';
import '../i18n.ts';
import './boards.css';

const TABS = ['carpool', 'secondhand'] as const;
type Tab = (typeof TABS)[number];

/** 邻里互助 (H5): the compound's board — 拼车 and 二手 tabs, search, newest first, more on demand; 发布 opens the form. */
export function BoardPage() {
  const { t } = useTranslation();
  const compounds = useBoardCompounds();
  return (
    <>
      <BackTitle fallback="/services">{t('volBoards.h5.title')}</BackTitle>
      {compounds.isPending ? (
        <div className="gz-center" aria-busy>
          <DotLoading color="primary" />
        </div>
      ) : compounds.isError ? (
        <ErrorBlock status="default" fullPage={false} title={t('h5.loadFailed')} description={compounds.error.message} />
      ) : compounds.data.length === 0 ? (
        <ErrorBlock status="empty" fullPage={false} title={t('h5.noRooms')} description={t('volBoards.h5.noCompound')} />
      ) : (
        <Board compounds={compounds.data} />
      )}
    </>
  );
}

function Board({ compounds }: { compounds: { id: string; name: string }[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const tab: Tab = (TABS as readonly string[]).includes(search.get('kind') ?? '') ? (search.get('kind') as Tab) : 'carpool';
  const compoundId = compounds.some((c) => c.id === search.get('compound')) ? search.get('compound')! : compounds[0]!.id;
  const [q, setQ] = useState('');
  const [mine, setMine] = useState(false);
  const [pageSize, setPageSize] = useState(20);
  const board = useBoard({ compoundId, kind: tab, q: q || undefined, mine: mine ? 'true' : undefined, pageSize });
  const set = (patch: Record<string, string>) => setSearch((s) => ({ ...Object.fromEntries(s), ...patch }), { replace: true });

  return (
    <>
      {compounds.length > 1 && (
        <div className="gz-padded">
          <Selector columns={2} value={[compoundId]} onChange={(v) => v[0] && set({ compound: v[0] })} options={compounds.map((c) => ({ value: c.id, label: c.name }))} />
        </div>
      )}
      <NoticeBar content={t('volBoards.h5.noPayment')} color="info" wrap />
      <Tabs activeKey={tab} onChange={(k) => set({ kind: k })}>
        {TABS.map((k) => (
          <Tabs.Tab key={k} title={t(`volBoards.kind.${k}`)} />
        ))}
      </Tabs>
      <div className="gz-padded gz-vb-bar">
        <SearchBar placeholder={t('volBoards.h5.search')} onSearch={setQ} onClear={() => setQ('')} aria-label={t('volBoards.h5.search')} />
        <Button color="primary" size="large" onClick={() => navigate(`/volunteers/boards/new?kind=${tab}&compound=${compoundId}`)}>
          {t('volBoards.h5.post')}
        </Button>
      </div>
      <div className="gz-padded">
        <Selector
          columns={2}
          value={[mine ? 'mine' : 'all']}
          onChange={(v) => v[0] && setMine(v[0] === 'mine')}
          options={[
            { value: 'all', label: t('volBoards.h5.all') },
            { value: 'mine', label: t('volBoards.h5.mine') },
          ]}
        />
      </div>
      {board.isPending ? (
        <div className="gz-center" aria-busy>
          <DotLoading color="primary" />
        </div>
      ) : board.isError ? (
        <ErrorBlock status="default" fullPage={false} title={t('h5.loadFailed')} description={board.error.message} />
      ) : board.data.items.length === 0 ? (
        <ErrorBlock status="empty" fullPage={false} title={t(q ? 'volBoards.h5.noMatch' : 'volBoards.h5.empty')} description={t('volBoards.h5.emptyHint')} />
      ) : (
        <>
          <List>
            {board.data.items.map((l) => (
              <Item key={l.id} l={l} onOpen={() => navigate(`/volunteers/boards/${l.id}`)} />
            ))}
          </List>
          {board.data.total > board.data.items.length && (
            <div className="gz-padded">
              <Button block size="large" loading={board.isFetching} onClick={() => setPageSize((n) => Math.min(200, n + 20))}>
                {t('volBoards.h5.more')}
              </Button>
            </div>
          )}
        </>
      )}
    </>
  );
}

function Item({ l, onOpen }: { l: Board; onOpen: () => void }) {
  const { t } = useTranslation();
  const thumb = l.photoIds[0];
  return (
    <List.Item
      onClick={onOpen}
      arrowIcon
      prefix={thumb ? <Image src={`/api/volunteers/photos/${thumb}`} width={56} height={56} fit="cover" alt="" lazy /> : undefined}
      description={
        <>
          {l.kind === 'carpool' ? carpoolLine(t, l) : `${l.ownerName} · ${formatDateTime(l.createdAt)}`}
          {l.hidden && <div className="gz-form-error">{t('volBoards.h5.hiddenBecause', { reason: l.hiddenReason })}</div>}
        </>
      }
      extra={
        <>
          {l.hidden ? <Tag color="danger">{t('volBoards.h5.hidden')}</Tag> : <Tag color={statusColor(l.status)}>{t(`volBoards.status.${l.status}`)}</Tag>}
          {l.kind === 'carpool' && <div>{t(`volBoards.carpool.role.${l.carpoolRole}`)}</div>}
        </>
      }
    >
      {l.title}
    </List.Item>
  );
}
