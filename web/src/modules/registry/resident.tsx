import type { ResidentModule } from '../../resident/manifest.ts';
import { MyHomeHeader, MyRoomsSection } from './h5/MyHomeSections.tsx';

/** The registry in the resident H5: the top of the home and my rooms, compounds and committees. */
export const resident: ResidentModule = {
  name: 'registry',
  order: 10,
  homeSections: [
    { order: 0, Section: MyHomeHeader },
    { order: 30, Section: MyRoomsSection },
  ],
};
