export * from './users.ts';
export * from './audit.ts';
export * from './directory.ts';
export * from './cycle.ts';
export * from './collaboration.ts';
export * from './local-authority.ts';
export * from './national.ts';
export * from './throttle.ts';
