import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MarkStatus } from '#server/modules/grid/contract.ts';
import { useClaim, useMark, type VisitBuilding } from '../api.ts';

export type House = VisitBuilding['households'][number];
type Answer = 'yes' | 'no';

/**
 * One visit, as the H5 and the workbench's 我的入户排查 both run it: 「开始入户」 claims the household (the server holds it
 * for this visitor 15 minutes), the checklist's answers and the need are gathered, then a status marks it — a need is
 * required for 需要帮助. Each page says things its own way (`tell`: a toast on the phone, a message on the desktop).
 */
export function useVisit(tell: { error: (text: string) => void; warn: (text: string) => void; done: (text: string) => void }) {
  const { t } = useTranslation();
  const claim = useClaim();
  const mark = useMark();
  const [open, setOpen] = useState<{ house: House; building: VisitBuilding } | null>(null);
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const [need, setNeed] = useState('');

  const start = async (house: House, building: VisitBuilding) => {
    try {
      await claim.mutateAsync(house.id);
      setAnswers({});
      setNeed('');
      setOpen({ house, building });
    } catch (err) {
      tell.error((err as Error).message);
    }
  };
  const finish = async (status: MarkStatus) => {
    if (!open) return;
    if (status === 'needs_help' && !need.trim()) return tell.warn(t('gridEmergency.h5.needRequired'));
    try {
      await mark.mutateAsync({ id: open.house.id, status, need: status === 'needs_help' ? need.trim() : '', answers });
      tell.done(t('gridEmergency.h5.marked', { status: t(`gridEmergency.status.${status}`) }));
      setOpen(null);
    } catch (err) {
      tell.error((err as Error).message);
    }
  };
  const answer = (index: number, value: Answer) => setAnswers((a) => ({ ...a, [String(index)]: value }));
  return { open, close: () => setOpen(null), answers, answer, need, setNeed, start, finish, claiming: claim, marking: mark.isPending };
}
