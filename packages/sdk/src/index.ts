export * from './key-format.js';
