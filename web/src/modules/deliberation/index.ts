/** What other web modules may use of deliberation: the line on an opinion's H5 page showing the item it became. */
export { OpinionItemLine } from './h5/OpinionItemLine.tsx';
