import { createTheme, type MantineColorsTuple } from '@mantine/core';

// A calm green: the "Green Circle" of the method, dark enough for AA contrast on white.
const kontor: MantineColorsTuple = [
  '#ebf8f1',
  '#d8ede2',
  '#aedbc3',
  '#80c8a2',
  '#5bb886',
  '#43ad74',
  '#35a86a',
  '#279358',
  '#1c834c',
  '#05713e',
];

export const theme = createTheme({
  primaryColor: 'kontor',
  primaryShade: { light: 8, dark: 5 },
  colors: { kontor },
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  defaultRadius: 'sm',
  focusRing: 'auto',
});
