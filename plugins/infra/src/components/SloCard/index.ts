export { SloCard } from './SloCard';
export type { SloCardLive } from './SloCard';
export { LiveSloCard } from './LiveSloCard';
