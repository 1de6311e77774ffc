import { Button, List, Picker, Switch, Tag, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { minutesToClock, type NotifySettings, useAllowWechat, useBindWechat, useNotifySettings, useSaveNotifySettings } from '../../shared/notify-api.ts';
import { BackTitle } from '../BackTitle.tsx';

type Muteable = 'sms' | 'wechat';
const SLOTS = Array.from({ length: 48 }, (_, i) => i * 30);

/** 消息设置: which channels reach me, quiet hours, and WeChat (bind, allow each kind of reminder). */
export function MessageSettingsPage() {
  const { t } = useTranslation();
  const settings = useNotifySettings();
  const save = useSaveNotifySettings();
  const bind = useBindWechat();
  const allow = useAllowWechat();
  const [picking, setPicking] = useState<'start' | 'end' | null>(null);
  const fail = (e: Error) => Toast.show({ icon: 'fail', content: e.message });
  const s = settings.data;

  const put = (current: NotifySettings, patch: Partial<{ mutedChannels: Muteable[]; quietStart: number | null; quietEnd: number | null }>) =>
    save.mutate(
      {
        mutedChannels: current.mutedChannels.filter((c): c is Muteable => c === 'sms' || c === 'wechat'),
        quietStart: current.quietStart,
        quietEnd: current.quietEnd,
        ...patch,
      },
      { onSuccess: () => Toast.show({ icon: 'success', content: t('notify.saved') }), onError: fail },
    );
  const toggle = (current: NotifySettings, channel: Muteable, on: boolean) => {
    const muted = current.mutedChannels.filter((c): c is Muteable => c === 'sms' || c === 'wechat');
    put(current, { mutedChannels: on ? muted.filter((c) => c !== channel) : [...muted, channel] });
  };

  return (
    <>
      <BackTitle fallback="/messages">{t('notify.settings')}</BackTitle>
      {s && (
        <>
          <List header={t('notify.channels')}>
            <List.Item description={t('notify.inboxAlways')} extra={<Switch checked disabled aria-label={t('notify.channel.inbox')} />}>
              {t('notify.channel.inbox')}
            </List.Item>
            <List.Item
              description={t('notify.smsHint')}
              extra={<Switch checked={!s.mutedChannels.includes('sms')} onChange={(on) => toggle(s, 'sms', on)} aria-label={t('notify.channel.sms')} />}
            >
              {t('notify.channel.sms')}
            </List.Item>
            <List.Item
              description={t('notify.wechatHint')}
              extra={<Switch checked={!s.mutedChannels.includes('wechat')} onChange={(on) => toggle(s, 'wechat', on)} aria-label={t('notify.channel.wechat')} />}
            >
              {t('notify.channel.wechat')}
            </List.Item>
          </List>
          <List header={t('notify.quiet')}>
            <List.Item onClick={() => setPicking('start')} extra={s.quietStart === null ? t('notify.quietOff') : minutesToClock(s.quietStart)}>
              {t('notify.quietStart')}
            </List.Item>
            <List.Item onClick={() => setPicking('end')} extra={s.quietEnd === null ? t('notify.quietOff') : minutesToClock(s.quietEnd)}>
              {t('notify.quietEnd')}
            </List.Item>
            <List.Item description={t('notify.quietHint')}>
              {s.quietStart !== null && (
                <Button size="small" onClick={() => put(s, { quietStart: null, quietEnd: null })}>
                  {t('notify.quietOff')}
                </Button>
              )}
            </List.Item>
          </List>
          <List header={t('notify.channel.wechat')}>
            {s.wechat.bound ? (
              <>
                <List.Item extra={<Tag color="success">{t('notify.wechatBound')}</Tag>} description={t('notify.wechatAllowHint')}>
                  {t('notify.channel.wechat')}
                </List.Item>
                {s.wechatTemplates.map((w) => (
                  <List.Item
                    key={w.key}
                    description={t('notify.wechatAllowed', { count: w.allowed })}
                    extra={
                      <Button size="small" color="primary" fill="outline" loading={allow.isPending} onClick={() => allow.mutate([w.key], { onError: fail })}>
                        {t('notify.wechatAllow')}
                      </Button>
                    }
                  >
                    {w.label}
                  </List.Item>
                ))}
              </>
            ) : (
              <List.Item
                description={s.wechat.provider === 'sandbox' ? t('notify.wechatSandbox') : undefined}
                extra={
                  <Button size="small" color="primary" loading={bind.isPending} onClick={() => bind.mutate(undefined, { onError: fail })}>
                    {t('notify.wechatBind')}
                  </Button>
                }
              >
                {t('notify.wechatUnbound')}
              </List.Item>
            )}
          </List>
          <Picker
            visible={picking !== null}
            onClose={() => setPicking(null)}
            columns={[SLOTS.map((m) => ({ label: minutesToClock(m), value: String(m) }))]}
            value={[String((picking === 'end' ? s.quietEnd : s.quietStart) ?? (picking === 'end' ? 420 : 1320))]}
            confirmText={t('common.save')}
            cancelText={t('common.cancel')}
            onConfirm={([v]) => {
              const m = Number(v);
              // Both ends or neither: the other end gets its usual value (22:00–07:00) the first time.
              if (picking === 'start') put(s, { quietStart: m, quietEnd: s.quietEnd ?? 420 });
              else put(s, { quietEnd: m, quietStart: s.quietStart ?? 1320 });
            }}
          />
        </>
      )}
    </>
  );
}
