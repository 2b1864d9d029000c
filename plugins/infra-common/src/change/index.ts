export * from './diffDesigns';
export * from './mergeGeneratedFile';
export * from './planRepositoryChange';
