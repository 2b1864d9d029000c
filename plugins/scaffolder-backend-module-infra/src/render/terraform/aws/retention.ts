/** The retention periods CloudWatch Logs accepts, in days. */
const CLOUDWATCH_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827,
  2192, 2557, 2922, 3288, 3653,
];

/**
 * The shortest retention CloudWatch accepts that keeps logs at least `days`: rounding up,
 * so a framework's floor (PCI DSS: 365 days) is never undercut.
 */
export function cloudWatchRetentionDays(days: number): number {
  return (
    CLOUDWATCH_RETENTION_DAYS.find(allowed => allowed >= days) ??
    CLOUDWATCH_RETENTION_DAYS[CLOUDWATCH_RETENTION_DAYS.length - 1]
  );
}
