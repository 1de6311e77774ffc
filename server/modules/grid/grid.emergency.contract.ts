/** What the web may know of the emergency part (re-exported by contract.ts): its vocabulary and plain types. */
export * from './grid.emergency.constants.ts';
