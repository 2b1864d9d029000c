export * from './schema';
export * from './regions';
export * from './sections';
export * from './monitoringByCloud';
export * from './networkOverlap';
