import { Button, DotLoading, ErrorBlock, Form, Input, Result, Selector, TextArea } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { SKILLS } from '#server/modules/volunteers/contract.ts';
import { BackTitle } from '../../../../resident/BackTitle.tsx';
import { type MyRegistration, useMyRegistration, useRegister } from '../api.ts';
import '../i18n.ts';

/** Where a registration stands: waiting for review, approved, or rejected with the reason (then a new one may be made). */
export function RegistrationStatus({ r }: { r: MyRegistration }) {
  const { t } = useTranslation();
  const status = r.status === 'approved' ? 'success' : r.status === 'pending' ? 'waiting' : r.status === 'rejected' ? 'error' : 'info';
  return (
    <Result
      status={status}
      title={t(`volRegistry.h5.state.${r.status}`)}
      description={r.status === 'rejected' ? t('volRegistry.h5.rejectedReason', { reason: r.rejectReason ?? '' }) : `${r.compoundName} · ${r.skills.join('、')}`}
    />
  );
}

/** 志愿者注册 (H5): the resident's real name, their compound, skills, availability and the pledge; then the status. */
export function JoinPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const mine = useMyRegistration();
  const register = useRegister();
  const [compoundId, setCompoundId] = useState<string[]>([]);
  const [skills, setSkills] = useState<string[]>([]);
  const [otherSkill, setOtherSkill] = useState('');
  const [availability, setAvailability] = useState('');
  const [again, setAgain] = useState(false);

  if (mine.isLoading)
    return (
      <div className="gz-center" aria-busy>
        <DotLoading color="primary" />
      </div>
    );
  if (mine.isError) return <ErrorBlock status="default" description={mine.error.message} />;
  const data = mine.data!;
  const latest = data.registrations[0];
  const compounds = data.compounds;
  const chosen = compoundId[0] ?? (compounds.length === 1 ? compounds[0]!.id : undefined);
  const showForm = !latest || (latest.status === 'rejected' && again);

  return (
    <>
      <BackTitle fallback="/volunteers/me">{t('volRegistry.h5.joinTitle')}</BackTitle>
      {!showForm && latest ? (
        <>
          <RegistrationStatus r={latest} />
          <div className="gz-padded">
            {latest.status === 'rejected' ? (
              <Button block size="large" color="primary" onClick={() => setAgain(true)}>
                {t('volRegistry.h5.again')}
              </Button>
            ) : (
              <Button block size="large" onClick={() => navigate('/volunteers/me')}>
                {t('volRegistry.h5.toMe')}
              </Button>
            )}
          </div>
        </>
      ) : !data.name || compounds.length === 0 ? (
        <ErrorBlock status="empty" title={t('volRegistry.h5.noHome')} description={t('volRegistry.h5.noHomeHint')} />
      ) : (
        <Form
          layout="vertical"
          onFinish={() =>
            register.mutate(
              { compoundId: chosen!, skills, ...(otherSkill.trim() ? { otherSkill: otherSkill.trim() } : {}), availability: availability.trim(), consent: true },
              { onSuccess: () => setAgain(false) },
            )
          }
          footer={
            <>
              {register.error && <div style={{ color: 'var(--adm-color-danger)', marginBottom: 8 }}>{register.error.message}</div>}
              <Button block type="submit" color="primary" size="large" loading={register.isPending} disabled={!chosen}>
                {t('volRegistry.h5.submit')}
              </Button>
            </>
          }
        >
          <Form.Item label={t('volRegistry.h5.name')}>
            <Input value={data.name} readOnly />
          </Form.Item>
          {compounds.length > 1 && (
            <Form.Item label={t('volRegistry.h5.compound')}>
              <Selector options={compounds.map((c) => ({ label: c.name, value: c.id }))} value={compoundId} onChange={setCompoundId} />
            </Form.Item>
          )}
          {compounds.length === 1 && (
            <Form.Item label={t('volRegistry.h5.compound')}>
              <Input value={compounds[0]!.name} readOnly />
            </Form.Item>
          )}
          <Form.Item label={t('volRegistry.h5.skills')}>
            <Selector<string> multiple columns={2} options={SKILLS.map((s) => ({ label: s, value: s }))} value={skills} onChange={setSkills} />
          </Form.Item>
          <Form.Item label={t('volRegistry.h5.otherSkill')}>
            <Input value={otherSkill} onChange={setOtherSkill} maxLength={30} placeholder={t('volRegistry.h5.otherSkillPlaceholder')} clearable />
          </Form.Item>
          <Form.Item label={t('volRegistry.h5.availability')}>
            <TextArea value={availability} onChange={setAvailability} maxLength={200} rows={2} showCount placeholder={t('volRegistry.h5.availabilityPlaceholder')} />
          </Form.Item>
          <Form.Item label={t('volRegistry.h5.pledgeTitle')}>
            <p style={{ margin: 0 }}>{t('volRegistry.h5.pledge')}</p>
            <p style={{ margin: '8px 0 0', color: 'var(--adm-color-weak)' }}>{t('volRegistry.h5.consent')}</p>
          </Form.Item>
        </Form>
      )}
    </>
  );
}
