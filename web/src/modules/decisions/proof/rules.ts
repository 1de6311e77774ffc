import type { TFunction } from 'i18next';
import { DEFAULT_RULES, RULE_KEYS } from '#server/modules/decisions/contract.ts';
import type { RulesSettings } from '../api.ts';
import './i18n.ts';
import '../committee/i18n.ts';

/** A setting's name: 委托上限 (proxyCap) has its text with the proxies', the older settings theirs with the rules'. */
export const ruleKeyLabel = (t: TFunction, key: keyof RulesSettings): string =>
  key === 'proxyCap'
    ? t('decisionsProof.rules.proxyCap')
    : key === 'committee' || key === 'elevator' || key === 'filing'
      ? t(`decisionsCommittee.rules.${key}`)
      : t(`decisions.rules.key.${key}`);

/** The range of 委托上限: how many owners one proxy may represent in one decision. */
export const PROXY_CAP_RANGE: [number, number] = [1, 20];

/** The settings in the order a reader expects them: 委托上限 right after the ways of voting it qualifies. */
export const RULE_ORDER: readonly (keyof RulesSettings)[] = RULE_KEYS.flatMap((k) =>
  k === 'proxyCap' ? [] : k === 'channels' ? (['channels', 'proxyCap'] as const) : [k],
);

/** Rules stored before a setting existed (委托上限, 业委会组成, 加装电梯, 备案) lack it: they run under its default, as the server counts them. */
export const withDefaults = (settings: RulesSettings): RulesSettings => ({ ...DEFAULT_RULES, ...settings });
