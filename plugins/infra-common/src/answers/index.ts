export * from './schema';
export * from './regions';
