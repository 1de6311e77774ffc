/** The item page's stages 4–6 (tasks, progress, supervision, ratings): the execution part's version replaces this one. */
export function ItemExecutionSection(_props: { itemId: string; stage: string }) {
  return null;
}
