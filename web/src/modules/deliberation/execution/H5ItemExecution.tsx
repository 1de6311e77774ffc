/** The H5 item page's stages 4–6 (progress, rating): the execution part's version replaces this one. */
export function H5ItemExecution(_props: { itemId: string; stage: string }) {
  return null;
}
