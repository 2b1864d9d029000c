export { StatusLabel, statusLabel } from './StatusLabel';
