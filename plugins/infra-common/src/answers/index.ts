export * from './schema';
export * from './regions';
export * from './sections';
