import { Table, Tag } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { RulesSettings } from '../api.ts';
import { RULE_ORDER, ruleKeyLabel, withDefaults } from '../proof/rules.ts';

type Key = keyof RulesSettings;

/** A setting's value in words; 从众 stands out whichever way it is set. */
function valueOf(t: TFunction, key: Key, settings: RulesSettings) {
  switch (key) {
    case 'votingDays':
    case 'extensionDays':
    case 'noticeDays':
      return t('decisions.rules.days', { n: settings[key].value });
    case 'channels': {
      const c = settings.channels.value;
      return (['online', 'paper', 'proxy'] as const).filter((k) => c[k]).map((k) => t(`decisions.rules.channel.${k}`)).join(t('decisions.sep'));
    }
    case 'revote':
      return settings.revote.value ? t('decisions.rules.yes') : t('decisions.rules.no');
    case 'prevails':
      return t(`decisions.rules.prevails.${settings.prevails.value}`);
    case 'proxyCap':
      return t('decisionsProof.rules.proxyCapValue', { n: settings.proxyCap.value });
    case 'committee': {
      const c = settings.committee.value;
      return t('decisionsCommittee.rules.committeeValue', { ...c, tieBreak: t(`decisionsCommittee.rules.tieBreak.${c.tieBreak}`) });
    }
    case 'elevator': {
      const e = settings.elevator.value;
      return t('decisionsCommittee.rules.elevatorValue', { matter: e.matter, affected: t(`decisionsCommittee.rules.affected.${e.affected}`) });
    }
    case 'filing': {
      const f = settings.filing.value;
      return t('decisionsCommittee.rules.filingValue', {
        matters: f.matters.length ? t('decisionsCommittee.rules.andMatters', { list: f.matters.join('、') }) : '',
        offices: f.offices.map((o) => t(`decisionsCommittee.rules.office.${o}`)).join(t('decisions.sep')),
        days: f.days,
      });
    }
    case 'followMajority':
      return settings.followMajority.value ? <Tag color="red">{t('decisions.rules.on')}</Tag> : <Tag color="green">{t('decisions.rules.off')}</Tag>;
  }
}

/** Every setting of a version of the rules of procedure with the clause it comes from. */
export function RulesSettingsTable({ settings }: { settings: RulesSettings }) {
  const { t } = useTranslation();
  const all = withDefaults(settings);
  const rows = RULE_ORDER.filter((k) => all[k]).map((key) => ({ key, value: valueOf(t, key, all), clause: all[key].clause }));
  return (
    <Table
      size="small"
      pagination={false}
      rowKey="key"
      dataSource={rows}
      columns={[
        { title: t('decisions.rules.setting'), dataIndex: 'key', render: (k: Key) => ruleKeyLabel(t, k), width: '34%' },
        { title: t('decisions.rules.value'), dataIndex: 'value', width: '24%' },
        { title: t('decisions.rules.clause'), dataIndex: 'clause' },
      ]}
    />
  );
}
