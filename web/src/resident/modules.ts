import type { ResidentModule } from './manifest.ts';

/** Every module's resident manifest (web/src/modules/<name>/resident.tsx), in order. */
export const residentModules: ResidentModule[] = Object.values(
  import.meta.glob<{ resident: ResidentModule }>('../modules/*/resident.tsx', { eager: true }),
)
  .map((m) => m.resident)
  .sort((a, b) => a.order - b.order);
