/** The deliberation API as the web uses it; answer types come from the server's use cases (type-only). */
export const deliberationKeys = {
  all: ['deliberation'] as const,
};
