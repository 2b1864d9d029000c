export * from './sloth';
export * from './types';
export * from './reading';
