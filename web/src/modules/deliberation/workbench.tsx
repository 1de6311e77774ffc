import type { RouteObject } from 'react-router';
import type { WorkbenchModule } from '../../workbench/manifest.ts';
import './i18n.ts';

const routes: RouteObject[] = [];

export const workbench: WorkbenchModule = { name: 'deliberation', order: 100, routes, menu: () => null };
