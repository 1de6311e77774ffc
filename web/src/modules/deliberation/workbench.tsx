import type { RouteObject } from 'react-router';
import type { WorkbenchModule } from '../../workbench/manifest.ts';
import './i18n.ts';
import { meetingRoutes, meetingsMenu } from './meetings/workbench-entries.tsx';

const routes: RouteObject[] = [...meetingRoutes];

export const workbench: WorkbenchModule = { name: 'deliberation', order: 100, routes, menu: (t, me) => meetingsMenu(t, me) };
