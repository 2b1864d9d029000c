import Chip from '@mui/material/Chip';
import CheckCircleOutline from '@mui/icons-material/CheckCircleOutline';
import ErrorOutline from '@mui/icons-material/ErrorOutline';
import HelpOutline from '@mui/icons-material/HelpOutline';
import WarningAmber from '@mui/icons-material/WarningAmber';
import type { ComplianceStatus } from '@plinth/backstage-plugin-infra-common';
import { readableChipSx } from '../../lib/readableColor';

const PRESENTATION: Record<
  ComplianceStatus,
  {
    label: string;
    Icon: typeof CheckCircleOutline;
    color: 'success' | 'warning' | 'error' | 'default';
  }
> = {
  compliant: { label: 'Compliant', Icon: CheckCircleOutline, color: 'success' },
  'at-risk': { label: 'At risk', Icon: WarningAmber, color: 'warning' },
  'non-compliant': {
    label: 'Non compliant',
    Icon: ErrorOutline,
    color: 'error',
  },
  unknown: { label: 'Unknown', Icon: HelpOutline, color: 'default' },
};

/** The words for a status, as the UI and the CSV export write them. */
export function statusLabel(status: ComplianceStatus): string {
  return PRESENTATION[status]?.label ?? status;
}

/** A compliance status in words and an icon; colour only repeats them. */
export function StatusLabel(props: {
  status: ComplianceStatus;
  /** Prefix for the label, e.g. the framework name. */
  prefix?: string;
  size?: 'small' | 'medium';
}) {
  const { status, prefix, size = 'small' } = props;
  const { label, Icon, color } = PRESENTATION[status] ?? PRESENTATION.unknown;
  const text = prefix ? `${prefix}: ${label}` : label;
  return (
    <Chip
      size={size}
      variant="outlined"
      color={color}
      sx={readableChipSx(color)}
      icon={<Icon aria-hidden />}
      label={text}
      data-status={status}
    />
  );
}
