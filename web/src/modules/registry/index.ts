/** What other modules and the shells may use of the registry's web side. */
export { PlaceTreeSelect } from './components/PlaceTreeSelect.tsx';
export { useMyHome, usePlace } from './api.ts';
