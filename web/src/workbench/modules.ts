import type { WorkbenchModule } from './manifest.ts';

/** Every module's workbench manifest (web/src/modules/<name>/workbench.tsx), in menu order. */
export const workbenchModules: WorkbenchModule[] = Object.values(
  import.meta.glob<{ workbench: WorkbenchModule }>('../modules/*/workbench.tsx', { eager: true }),
)
  .map((m) => m.workbench)
  .sort((a, b) => a.order - b.order);
