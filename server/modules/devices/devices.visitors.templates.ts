import type { ModulePart } from '../../kernel/module-parts.ts';

/** What the visitors part says: to a host when their visitor arrives, to a resident when their vehicle is reviewed. */
export const visitorsTemplates: NonNullable<ModulePart['templates']> = [
  {
    key: 'devices.visitors.arrived',
    title: { zh: '访客已到达', en: 'Your visitor has arrived' },
    body: { zh: '您的访客{name}已到达{compound}（{gate}，{at}）。', en: 'Your visitor {name} has arrived at {compound} ({gate}, {at}).' },
    wechat: { thing1: '您的访客{name}已到达{compound}', time2: '{at}' },
    link: '/h5/devices/passes/{passId}',
    label: { zh: '访客到达', en: 'Visitor arrivals' },
  },
  {
    key: 'devices.visitors.vehicle_reviewed',
    title: { zh: '车辆登记{decision}', en: 'Vehicle registration {decisionEn}' },
    body: { zh: '您登记的车辆 {plate}（{room}）审核{decision}。{note}', en: 'Your vehicle {plate} ({room}) was {decisionEn}. {note}' },
    link: '/h5/devices/vehicles',
    label: { zh: '车辆登记', en: 'Vehicle registrations' },
  },
];
