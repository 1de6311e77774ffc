/// <reference types="vite/types/importMeta.d.ts" />
// Vite bundles stylesheets imported for their side effects; TypeScript needs to know they exist.
declare module '*.css';
