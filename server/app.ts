import type { Kernel } from './kernel/context.ts';
import { buildServer } from './kernel/http/server.ts';
import { kernelModule } from './kernel/kernel.module.ts';
import type { Module } from './kernel/module.ts';
import { registryModule } from './modules/registry/index.ts';
import { repairsModule } from './modules/repairs/index.ts';
import { opinionsModule } from './modules/opinions/index.ts';
import { noticesModule } from './modules/notices/index.ts';
import { activationModule } from './modules/activation/index.ts';

/** Every module of Gongzhi, in the order their routes are registered. */
export const MODULES: Module[] = [kernelModule, registryModule, repairsModule, opinionsModule, noticesModule, activationModule];

export const buildApp = (kernel: Kernel, opts: { logger?: boolean } = {}) => buildServer(kernel, MODULES, opts);
