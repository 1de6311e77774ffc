import type { Kernel } from '../kernel/context.ts';

export interface DemoLogin {
  role: string;
  login: string;
  password: string;
  place: string;
}

/** True before the first start: no place exists yet. */
export async function isRegistryEmpty(kernel: Kernel): Promise<boolean> {
  const row = await kernel.db.selectFrom('places').select('id').limit(1).executeTakeFirst();
  return !row;
}

// PLACEHOLDER: replaced by the deterministic demo street generator.
export async function seedDemo(_kernel: Kernel): Promise<DemoLogin[]> {
  return [];
}

export function printDemoLogins(logins: DemoLogin[]): void {
  for (const l of logins) process.stdout.write(`  ${l.role.padEnd(28)} ${l.login.padEnd(16)} ${l.password}  (${l.place})\n`);
}
