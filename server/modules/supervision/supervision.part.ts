import type { Module } from '../../kernel/module.ts';

/**
 * One part of the supervision module (sheets and inspections, assessment, rectification): the slices of the
 * manifest it adds. index.ts merges the parts into the one module the kernel sees, so each part keeps its routes,
 * jobs, approval handlers, notification templates, home slices, public pages, figures and demo in its own files.
 */
export type SupervisionPart = Pick<Module, 'routes' | 'approvals' | 'jobs' | 'publicPages' | 'figures' | 'staffHome' | 'residentHome' | 'recover'> & {
  templates?: NonNullable<Module['notifications']>['templates'];
  /** Its part of the demo, run after the parts before it (index.ts order). */
  seed?: NonNullable<Module['demo']>['seed'];
};
