import { Button, Checkbox, Selector, Switch, TextArea, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MyDecision } from '../../h5/api.ts';
import { STATEMENT_MAX, useStandForElection } from '../api.ts';
import '../i18n.ts';

/**
 * 我要参选: the owner stands for the committee — which of their rooms in the compound, a short statement, party
 * membership, and the written consent to be vetted (required: without it no department may look at them).
 */
export function StandForm({ d, onDone, onCancel }: { d: MyDecision; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const stand = useStandForElection(d.id);
  const rooms = [...new Set(d.entries.flatMap((e) => e.rooms))];
  const [room, setRoom] = useState<string | undefined>(rooms[0]);
  const [statement, setStatement] = useState('');
  const [party, setParty] = useState(false);
  const [consent, setConsent] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    setError(null);
    if (!room) return setError(t('decisionsElection.h5.roomRequired'));
    if (!statement.trim()) return setError(t('decisionsElection.h5.statementRequired'));
    if (!consent) return setError(t('decisionsElection.h5.consentRequired'));
    try {
      await stand.mutateAsync({ roomLabel: room, statement: statement.trim(), partyMember: party, consent: true });
      Toast.show({ icon: 'success', content: t('decisionsElection.h5.submitted') });
      onDone();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };

  return (
    <section className="gz-dec-card" aria-labelledby="gz-el-stand">
      <h2 id="gz-el-stand">{t('decisionsElection.h5.standTitle')}</h2>
      <span className="gz-el-field" id="gz-el-room">
        {t('decisionsElection.h5.room')}
      </span>
      <Selector<string>
        aria-labelledby="gz-el-room"
        columns={1}
        options={rooms.map((r) => ({ label: r, value: r }))}
        value={room ? [room] : []}
        onChange={(v) => setRoom(v[0])}
      />
      <label className="gz-el-field" htmlFor="gz-el-statement">
        {t('decisionsElection.h5.statement')}
      </label>
      <TextArea id="gz-el-statement" value={statement} onChange={setStatement} placeholder={t('decisionsElection.h5.statementPlaceholder')} maxLength={STATEMENT_MAX} rows={5} showCount />
      <div className="gz-el-field" style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
        <span id="gz-el-party">{t('decisionsElection.h5.partyMember')}</span>
        <Switch checked={party} onChange={setParty} aria-labelledby="gz-el-party" />
      </div>
      <div className="gz-el-consent">
        <p style={{ margin: '0 0 8px' }}>{t('decisionsElection.h5.consentText')}</p>
        <Checkbox checked={consent} onChange={setConsent}>
          {t('decisionsElection.h5.consent')}
        </Checkbox>
      </div>
      {error && (
        <p className="gz-dec-error" role="alert">
          {error}
        </p>
      )}
      <div className="gz-dec-actions">
        <Button block color="primary" size="large" loading={stand.isPending} disabled={!consent} onClick={submit}>
          {t('decisionsElection.h5.submit')}
        </Button>
        <Button block size="large" onClick={onCancel}>
          {t('decisionsElection.h5.cancel')}
        </Button>
      </div>
    </section>
  );
}
