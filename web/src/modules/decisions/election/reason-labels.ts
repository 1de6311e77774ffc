import { useTranslation } from 'react-i18next';
import { VETTING_DEPARTMENT_KIND_LABELS, VETTING_REASON_LABELS } from '#server/modules/decisions/contract.ts';
import type { DepartmentKind } from './api.ts';

/** A vetting reason's label in the current language (the server's list, so the candidate reads the same words everywhere). */
export function useReasonLabel() {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  return (code: string | null | undefined) => (code ? (VETTING_REASON_LABELS[code]?.[lang] ?? code) : '');
}

/** A vetting department kind's label in the current language. */
export function useDepartmentKindLabel() {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  return (kind: DepartmentKind) => VETTING_DEPARTMENT_KIND_LABELS[kind]?.[lang] ?? kind;
}
