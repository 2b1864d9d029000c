export { OverviewTable } from './OverviewTable';
export type { OverviewTableProps } from './OverviewTable';
