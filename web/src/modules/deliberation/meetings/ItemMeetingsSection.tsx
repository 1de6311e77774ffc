/** The item page's joint meetings (stage 3): the meetings part's version replaces this one. */
export function ItemMeetingsSection(_props: { itemId: string }) {
  return null;
}
