/** The PST domain core: pure TypeScript, no I/O, no framework. */
export * from './model';
export * from './vocabularies';
export * from './parsing';
export * from './tree';
export * from './lateness';
export * from './rollup';
export * from './validation';
