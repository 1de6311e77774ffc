import { Dialog, Toast } from 'antd-mobile';
import type { TFunction } from 'i18next';

/** Asks first (OK: 确定), then runs the step and says how it went: each weighty step on a loan goes through here. */
export async function confirmThen(t: TFunction, content: string, run: () => Promise<unknown>): Promise<boolean> {
  const ok = await Dialog.confirm({ content, confirmText: t('volLending.h5.ok'), cancelText: t('volLending.h5.cancel') });
  if (!ok) return false;
  try {
    await run();
    Toast.show({ icon: 'success', content: t('volLending.h5.done') });
    return true;
  } catch (e) {
    Toast.show({ icon: 'fail', content: (e as Error).message });
    return false;
  }
}
