import type { Module, StaffHomeSlice } from './module.ts';

type Templates = NonNullable<Module['notifications']>['templates'];

/**
 * One part of a module built in parts (fees: bills, payments …; supervision: sheets, rectification, assessment): the
 * slices of a manifest it adds, each kept in the part's own files.
 */
export type ModulePart = Pick<Module, 'routes' | 'approvals' | 'payouts' | 'jobs' | 'publicPages' | 'figures' | 'watchlist' | 'staffHome' | 'residentHome' | 'recover'> & {
  templates?: Templates;
  /** Its part of the demo, run after the parts before it. */
  seed?: NonNullable<Module['demo']>['seed'];
};

/**
 * The one manifest the kernel sees, merged from a module's parts in their order: routes registered, crash recovery
 * and the demo run part after part (a later part's demo reads what an earlier one made); the homes' slices are
 * asked of every part at once and put together. `templates` are notifications the module says besides its parts'.
 */
export function moduleOfParts(name: string, parts: readonly ModulePart[], { templates = [] }: { templates?: Templates } = {}): Module {
  return {
    name,
    routes: async (app, kernel) => {
      for (const part of parts) await part.routes?.(app, kernel);
    },
    approvals: parts.flatMap((p) => p.approvals ?? []),
    jobs: parts.flatMap((p) => p.jobs ?? []),
    payouts: parts.flatMap((p) => p.payouts ?? []),
    publicPages: parts.flatMap((p) => p.publicPages ?? []),
    figures: parts.flatMap((p) => p.figures ?? []),
    watchlist: parts.flatMap((p) => p.watchlist ?? []),
    notifications: { templates: [...templates, ...parts.flatMap((p) => p.templates ?? [])] },
    staffHome: async (ctx) => {
      const slices = await Promise.all(parts.map((p) => p.staffHome?.(ctx)));
      return slices.reduce<StaffHomeSlice>((all, s) => ({ todos: [...(all.todos ?? []), ...(s?.todos ?? [])], figures: [...(all.figures ?? []), ...(s?.figures ?? [])] }), {});
    },
    residentHome: async (ctx) => Object.assign({}, ...(await Promise.all(parts.map((p) => p.residentHome?.(ctx) ?? {})))),
    recover: async (kernel) => {
      for (const part of parts) await part.recover?.(kernel);
    },
    demo: {
      seed: async (kernel, demo) => {
        const done: unknown[] = [];
        for (const part of parts) done.push(await part.seed?.(kernel, demo));
        return done;
      },
    },
  };
}
