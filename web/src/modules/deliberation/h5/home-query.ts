/** The query of the home section, as the server's home slice answers it (deliberation/use-cases/home-section.ts). */
export const HOME_ITEMS_QUERY = { page: 1, pageSize: 3, stage: 'collecting,agenda,consulting' } as const;
