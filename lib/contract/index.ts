export * from './common';
export * from './items';
export * from './auth';
export * from './queue';
export * from './shares';
export * from './reach';
export * from './site-profiles';
