/*
 * Text in a palette colour that people can read. MUI's warning orange (#ed6c02) is 3.1:1
 * on white and 2.9:1 on Backstage's grey table rows, under WCAG's 4.5:1 for small text:
 * the "At risk" chip failed axe's color-contrast rule. The colour is darkened (lightened
 * on a dark theme) in small steps until it reads on both backgrounds.
 */
import { Theme, darken, getContrastRatio, lighten } from '@mui/material/styles';

/** WCAG 2.1 AA for normal-size text, with a little margin for rounding. */
export const MIN_TEXT_CONTRAST = 4.6;

export function readableColor(theme: Theme, color: string): string {
  const backgrounds = [
    theme.palette.background.paper,
    theme.palette.background.default,
  ];
  const shift = theme.palette.mode === 'dark' ? lighten : darken;
  const reads = (text: string) =>
    backgrounds.every(b => getContrastRatio(text, b) >= MIN_TEXT_CONTRAST);
  let text = color;
  for (let step = 0; step < 20 && !reads(text); step++) {
    text = shift(text, 0.08);
  }
  return text;
}

type PaletteColour = 'success' | 'warning' | 'error' | 'info';

/**
 * `sx` for an outlined chip whose label is written in a palette colour (the label
 * inherits the chip's colour; the icon and border keep the palette's own).
 */
export const readableChipSx =
  (colour: PaletteColour | 'default') => (theme: Theme) =>
    colour === 'default'
      ? {}
      : { color: readableColor(theme, theme.palette[colour].main) };

/**
 * `sx` for a filled chip: its background darkened (lightened on a dark theme) so that
 * the white (dark) label reads on it.
 */
export const readableFilledChipSx =
  (colour: PaletteColour | 'default') => (theme: Theme) =>
    colour === 'default'
      ? {}
      : { bgcolor: readableColor(theme, theme.palette[colour].main) };
