import { createTheme, getContrastRatio } from '@mui/material/styles';
import { MIN_TEXT_CONTRAST, readableColor } from './readableColor';

describe('readableColor', () => {
  const light = createTheme({
    palette: { background: { default: '#f8f8f8', paper: '#ffffff' } },
  });
  const dark = createTheme({ palette: { mode: 'dark' } });

  it.each(['warning', 'success', 'error', 'info'] as const)(
    'makes %s text readable on the light and dark backgrounds',
    colour => {
      for (const theme of [light, dark]) {
        const text = readableColor(theme, theme.palette[colour].main);
        for (const bg of [
          theme.palette.background.paper,
          theme.palette.background.default,
        ]) {
          expect(getContrastRatio(text, bg)).toBeGreaterThanOrEqual(
            MIN_TEXT_CONTRAST,
          );
        }
      }
    },
  );

  it("darkens MUI's warning orange, which is too light on white", () => {
    const orange = light.palette.warning.main;
    expect(getContrastRatio(orange, '#ffffff')).toBeLessThan(4.5);
    expect(readableColor(light, orange)).not.toBe(orange);
  });

  it('keeps a colour that already reads', () => {
    expect(readableColor(light, '#1b5e20')).toBe('#1b5e20');
  });
});
