export { RollupCard } from './RollupCard';
