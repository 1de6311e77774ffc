/** The gates part's types the web reads (type-only exports, and its constants). */
export {};
