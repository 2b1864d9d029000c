export * from './controls';
export * from './frameworks';
export * from './evaluate';
export * from './summary';
export * from './evidence';
