export * from './actor.ts';
export * from './roles.ts';
export * from './scope.ts';
export * from './places.ts';
export * from './policy.ts';
