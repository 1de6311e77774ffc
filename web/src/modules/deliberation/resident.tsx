import type { ResidentModule } from '../../resident/manifest.ts';
import { meetingDecideSections, meetingResidentRoutes } from './meetings/resident-entries.tsx';

/** The resident's side of deliberation on the H5. */
export const resident: ResidentModule = {
  name: 'deliberation',
  order: 40,
  routes: [...meetingResidentRoutes],
  decideSections: [...meetingDecideSections],
};
