/** What the web may know of the social part (re-exported by contract.ts): its vocabulary and plain types. */
export {};
