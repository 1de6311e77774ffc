import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router';
import { page } from '../../../shared/lazy-page.ts';
import { MeetingNoticesSection } from './h5/MeetingNoticesSection.tsx';
import type { ResidentEntry } from '../entries.ts';

/** The joint meetings' H5 pages: a meeting's notice, and the sign-in the room's QR code opens. */
export const meetingResidentRoutes: RouteObject[] = [
  { path: 'deliberation/meetings/:id', lazy: page(() => import('./h5/MeetingNoticePage.tsx'), 'MeetingNoticePage') },
  { path: 'deliberation/meetings/:id/sign-in', lazy: page(() => import('./h5/MeetingSignInPage.tsx'), 'MeetingSignInPage') },
];

/** 议事 → 会议通知: my upcoming meetings, above the opinions. */
export const meetingDecideSections: { order: number; Section: ComponentType }[] = [{ order: 15, Section: MeetingNoticesSection }];

/** The meetings' part of the deliberation module's H5 manifest (resident.tsx spreads it in). */
export const residentEntries: ResidentEntry[] = [{ routes: meetingResidentRoutes, decideSections: meetingDecideSections }];
