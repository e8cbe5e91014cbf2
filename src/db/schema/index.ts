export * from './users.ts';
export * from './audit.ts';
export * from './directory.ts';
