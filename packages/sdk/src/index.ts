export * from './key-format.js';
export type * from './types.js';
