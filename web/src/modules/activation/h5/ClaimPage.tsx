import { Button, DotLoading, Form, Input, List, Picker, Result, SearchBar, Tabs } from 'antd-mobile';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { CODE_RE, ID_LAST4_RE, normaliseCode } from '#server/modules/activation/contract.ts';
import { useMe } from '../../../shared/session.ts';
import { type ClaimResult, lookUpCode, type PickedPlace, useClaim, usePickPlaces, useRoomSearch } from '../api.ts';
import { ActTitle } from './ActTitle.tsx';
import { rememberCode, rememberedCode } from './pending-code.ts';

/** 认领房屋: the signed-in, not yet activated account claims its room (picked or by the slip's code). */
export function ClaimPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [search] = useSearchParams();
  const codeParam = search.get('code');
  // Kept here: a successful claim makes the account a resident, which must not hide the result.
  const [result, setResult] = useState<ClaimResult | null>(null);
  useEffect(() => {
    if (codeParam) rememberCode(codeParam);
  }, [codeParam]);

  if (me.isPending) {
    return (
      <div className="gz-center">
        <DotLoading color="primary" />
      </div>
    );
  }
  if (result) return <ClaimResultView result={result} onAgain={() => setResult(null)} />;
  if (!me.data) return <Navigate to={codeParam ? `/signup?code=${encodeURIComponent(codeParam)}` : '/signup'} replace />;
  if (me.data.account.personId) {
    return (
      <div className="gz-act-page">
        <ActTitle back="/">{t('activation.h5.claimTitle')}</ActTitle>
        <div className="gz-act-result">
          <Result status="success" title={t('activation.h5.alreadyActivated')} />
          <div className="gz-act-actions">
            <HomeButton />
          </div>
        </div>
      </div>
    );
  }
  return <ClaimForm initialCode={codeParam ?? rememberedCode()} onResult={setResult} />;
}

function HomeButton() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Button block color="primary" size="large" onClick={() => navigate('/', { replace: true })}>
      {t('activation.h5.toHome')}
    </Button>
  );
}

interface Room {
  id: string;
  label: string;
}

interface PersonValues {
  name: string;
  idLast4: string;
}

function ClaimForm({ initialCode, onResult }: { initialCode: string | null; onResult: (r: ClaimResult) => void }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<'room' | 'code'>(initialCode ? 'code' : 'room');
  const [room, setRoom] = useState<Room | null>(null);
  const [codeForm] = Form.useForm<{ code: string }>();
  const [personForm] = Form.useForm<PersonValues>();
  const code: string = Form.useWatch('code', codeForm) ?? initialCode ?? '';
  const [codeRoom, setCodeRoom] = useState<{ code: string; room: Room | null; error: string | null } | null>(null);
  const [touched, setTouched] = useState(false);
  const claim = useClaim();
  const client = useQueryClient();

  // Look the code up as soon as it is complete, to show which room it is for.
  const normal = normaliseCode(code);
  useEffect(() => {
    if (!CODE_RE.test(normal) || codeRoom?.code === normal) return;
    let live = true;
    lookUpCode(normal).then(
      (r) => live && setCodeRoom({ code: normal, room: r.room, error: null }),
      (err: Error) => live && setCodeRoom({ code: normal, room: null, error: err.message }),
    );
    return () => {
      live = false;
    };
  }, [normal, codeRoom?.code]);

  const submit = async () => {
    setTouched(true);
    let person: PersonValues;
    try {
      if (tab === 'code') await codeForm.validateFields();
      person = await personForm.validateFields();
    } catch {
      return;
    }
    if (tab === 'room' ? !room : !codeRoom?.room) return;
    const who = { name: person.name.trim(), idLast4: person.idLast4.trim().toUpperCase() };
    claim.mutate(tab === 'room' ? { by: 'room', roomId: room!.id, ...who } : { by: 'code', code: normal, ...who }, {
      onSuccess: (r) => {
        rememberCode(null);
        // The result first; then the refreshed account (now a resident) everywhere else.
        onResult(r);
        void client.invalidateQueries();
      },
    });
  };

  return (
    <div className="gz-act-page">
      <ActTitle>{t('activation.h5.claimTitle')}</ActTitle>
      <p className="gz-act-intro">{t('activation.h5.claimIntro')}</p>
      <Tabs activeKey={tab} onChange={(k) => setTab(k as 'room' | 'code')} className="gz-act-tabs">
        <Tabs.Tab title={t('activation.h5.byRoom')} key="room">
          <RoomPicker room={room} onRoom={setRoom} showError={touched && !room} />
        </Tabs.Tab>
        <Tabs.Tab title={t('activation.h5.byCode')} key="code">
          <Form form={codeForm} layout="vertical" initialValues={{ code: initialCode ?? '' }}>
            <Form.Item
              name="code"
              label={t('activation.h5.code')}
              required
              help={t('activation.h5.codePlaceholder')}
              normalize={(v: string) => v.toUpperCase()}
              rules={[{ validator: async (_, v: string) => (CODE_RE.test(normaliseCode(v ?? '')) ? undefined : Promise.reject(new Error(t('activation.h5.codeInvalid')))) }]}
              description={
                codeRoom?.code === normal && codeRoom.room ? (
                  <span>
                    {t('activation.h5.codeRoom')}：<span className="gz-act-room-label">{codeRoom.room.label}</span>
                  </span>
                ) : undefined
              }
            >
              <Input placeholder="ABCD-EFGH" maxLength={12} autoComplete="off" clearable />
            </Form.Item>
          </Form>
          {codeRoom?.code === normal && codeRoom.error && (
            <p className="gz-act-error" role="alert">
              {codeRoom.error}
            </p>
          )}
        </Tabs.Tab>
      </Tabs>
      <Form form={personForm} layout="vertical" style={{ marginTop: 12 }}>
        <Form.Item name="name" label={t('activation.h5.name')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
          <Input placeholder={t('activation.h5.namePlaceholder')} maxLength={50} autoComplete="name" />
        </Form.Item>
        <Form.Item
          name="idLast4"
          label={t('activation.h5.idLast4')}
          required
          rules={[{ validator: async (_, v: string) => (ID_LAST4_RE.test((v ?? '').trim().toUpperCase()) ? undefined : Promise.reject(new Error(t('activation.h5.idLast4Invalid')))) }]}
        >
          <Input placeholder={t('activation.h5.idLast4Placeholder')} maxLength={4} autoComplete="off" />
        </Form.Item>
      </Form>
      {claim.error && (
        <p className="gz-act-error" role="alert">
          {claim.error.message}
        </p>
      )}
      <div className="gz-act-actions">
        <Button block color="primary" size="large" onClick={submit} loading={claim.isPending}>
          {t('activation.h5.submitClaim')}
        </Button>
      </div>
      <div className="gz-act-links">
        <Link to="/activate/status">{t('activation.h5.statusLink')}</Link>
      </div>
    </div>
  );
}

function ClaimResultView({ result, onAgain }: { result: ClaimResult; onAgain: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <div className="gz-act-page">
      <ActTitle>{t('activation.h5.claimTitle')}</ActTitle>
      <div className="gz-act-result" role="status">
        {result.status === 'activated' ? (
          <Result
            status="success"
            title={t('activation.h5.activated')}
            description={t('activation.h5.activatedDesc', {
              room: result.room.label,
              relation: result.person.relations.map((r) => t(`household.relation.${r}`)).join('、'),
            })}
          />
        ) : (
          <Result status="waiting" title={t('activation.h5.pending')} description={t('activation.h5.pendingDesc')} />
        )}
        <div className="gz-act-actions">
          {result.status === 'activated' ? (
            <HomeButton />
          ) : (
            <>
              <Button block color="primary" size="large" onClick={() => navigate('/activate/status')}>
                {t('activation.h5.statusLink')}
              </Button>
              <Button block size="large" onClick={onAgain}>
                {t('activation.h5.claimAgain')}
              </Button>
            </>
          )}
        </div>
      </div>
    </div>
  );
}

function useDebounced<T>(value: T, ms = 300): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setV(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return v;
}

type Level = 'building' | 'unit' | 'room';

/** Compound by name, then building → unit → room from wheels, or the room typed as "1-1-1201". */
function RoomPicker({ room, onRoom, showError }: { room: Room | null; onRoom: (r: Room | null) => void; showError: boolean }) {
  const { t } = useTranslation();
  const [compound, setCompound] = useState<PickedPlace | null>(null);
  const [query, setQuery] = useState('');
  const q = useDebounced(query.trim());
  const compounds = usePickPlaces(null, q, !compound);
  const [building, setBuilding] = useState<PickedPlace | null>(null);
  const [unit, setUnit] = useState<PickedPlace | null>(null);
  const [open, setOpen] = useState<Level | null>(null);
  const buildings = usePickPlaces(compound?.id ?? null, '', !!compound);
  const units = usePickPlaces(building?.id ?? null, '', !!building);
  const rooms = usePickPlaces(unit?.id ?? null, '', !!unit);
  const [typed, setTyped] = useState('');
  const hits = useRoomSearch(compound?.id ?? null, useDebounced(typed.trim()));

  // A building with a single unit needs no choice.
  useEffect(() => {
    if (building && !unit && units.data?.length === 1) setUnit(units.data[0]!);
  }, [building, unit, units.data]);

  const reset = () => {
    setCompound(null);
    setBuilding(null);
    setUnit(null);
    setTyped('');
    onRoom(null);
  };
  const options = (list: PickedPlace[] | undefined) => [(list ?? []).map((p) => ({ label: p.name, value: p.id }))];
  const choose = (level: Level, id: string | undefined) => {
    if (!id) return;
    if (level === 'building') {
      setBuilding(buildings.data?.find((b) => b.id === id) ?? null);
      setUnit(null);
      onRoom(null);
    } else if (level === 'unit') {
      setUnit(units.data?.find((u) => u.id === id) ?? null);
      onRoom(null);
    } else {
      const r = rooms.data?.find((x) => x.id === id);
      if (r && compound && building && unit) onRoom({ id: r.id, label: `${compound.name} / ${building.name} / ${unit.name} / ${r.name}` });
    }
  };

  if (!compound) {
    return (
      <>
        <div style={{ padding: '12px 12px 0' }}>
          <SearchBar placeholder={t('activation.h5.compoundPlaceholder')} value={query} onChange={setQuery} aria-label={t('activation.h5.compound')} />
        </div>
        <List header={t('activation.h5.compound')}>
          {compounds.isPending ? (
            <List.Item>
              <DotLoading />
            </List.Item>
          ) : (compounds.data ?? []).length === 0 ? (
            <List.Item>{t('activation.h5.compoundNone')}</List.Item>
          ) : (
            compounds.data!.map((c) => (
              <List.Item key={c.id} description={c.area} onClick={() => setCompound(c)} arrowIcon>
                <span className="gz-act-room-label">{c.name}</span>
              </List.Item>
            ))
          )}
        </List>
        {showError && (
          <p className="gz-act-error" role="alert">
            {t('activation.h5.roomRequired')}
          </p>
        )}
      </>
    );
  }

  const levelItem = (level: Level, value: PickedPlace | null, enabled: boolean, label: string) => (
    <List.Item extra={value?.name ?? t('activation.h5.pick')} onClick={enabled ? () => setOpen(level) : undefined} disabled={!enabled} arrowIcon>
      {label}
    </List.Item>
  );
  const roomValue = room && unit && rooms.data?.find((r) => r.id === room.id);

  return (
    <>
      <List header={t('activation.h5.compound')}>
        <List.Item
          extra={
            <button type="button" className="gz-link-button" style={{ margin: 0 }} onClick={reset}>
              {t('activation.h5.change')}
            </button>
          }
        >
          <span className="gz-act-room-label">{compound.name}</span>
        </List.Item>
        {levelItem('building', building, true, t('activation.h5.building'))}
        {levelItem('unit', unit, !!building, t('activation.h5.unit'))}
        {levelItem('room', roomValue ?? null, !!unit, t('activation.h5.room'))}
      </List>
      <Picker
        columns={options(open === 'building' ? buildings.data : open === 'unit' ? units.data : rooms.data)}
        visible={open !== null}
        onClose={() => setOpen(null)}
        onConfirm={(v) => open && choose(open, v[0] as string | undefined)}
        confirmText={t('common.submit')}
        cancelText={t('common.cancel')}
        title={open ? t(`activation.h5.${open}`) : undefined}
      />
      <List header={t('activation.h5.typeRoom')}>
        <List.Item>
          <Input value={typed} onChange={setTyped} placeholder={t('activation.h5.typeRoomPlaceholder')} aria-label={t('activation.h5.typeRoom')} clearable />
        </List.Item>
        {typed.trim() &&
          (hits.data ?? []).map((h) => (
            <List.Item
              key={h.id}
              onClick={() => {
                setBuilding(null);
                setUnit(null);
                onRoom(h);
                setTyped('');
              }}
              arrowIcon
            >
              {h.label}
            </List.Item>
          ))}
        {typed.trim() && hits.data && hits.data.length === 0 && <List.Item>{t('activation.h5.roomNone')}</List.Item>}
      </List>
      <List header={t('activation.h5.pickedRoom')}>
        <List.Item>{room ? <span className="gz-act-room-label">{room.label}</span> : <span className="gz-act-note">{t('activation.h5.roomRequired')}</span>}</List.Item>
      </List>
      {showError && !room && (
        <p className="gz-act-error" role="alert">
          {t('activation.h5.roomRequired')}
        </p>
      )}
    </>
  );
}
