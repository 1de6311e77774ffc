import type { ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import './i18n.ts';

/**
 * H5 routes of stages 4–6: none of their own — the resident's item page shows H5ItemExecution, and the public
 * tracking page is the kernel's /h5/p/deliberation.tracking/<compound>.
 */
export const executionResidentRoutes: RouteObject[] = [];

/** Sections of the resident's 议事 page from stages 4–6: none (the items helper's list shows progress). */
export const executionDecideSections: { key: string; element: ReactNode }[] = [];
