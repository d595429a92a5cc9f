import { createTheme } from '@mantine/core';

// Calm and dense: a back office is read for hours, so small type, tight rows, no decoration.
export const theme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'sm',
  fontSizes: { md: '0.875rem' },
  components: {
    // Badges sit in dense table cells; they must keep their full label rather than shrink to an ellipsis.
    Badge: { defaultProps: { radius: 'sm', miw: 'max-content' } },
    Tooltip: { defaultProps: { openDelay: 150, multiline: true, maw: 320 } },
  },
});
