import { AllCommunityModule, ModuleRegistry, themeQuartz } from 'ag-grid-community';

/**
 * All Community modules (no Enterprise): the infinite row model plus row selection, keyboard navigation and
 * locale. Registering the bundle avoids AG Grid's runtime "missing module" errors as the grid grows.
 */
ModuleRegistry.registerModules([AllCommunityModule]);

/** Theming API (v33+): styles are injected by the grid itself; fonts come from the page, never from Google. */
export const gridTheme = themeQuartz.withParams({
  fontFamily: 'inherit',
  fontSize: 13,
  headerFontWeight: 600,
  accentColor: '#1456a0',
  headerBackgroundColor: '#f4f6fa',
  rowHeight: 36,
  headerHeight: 38,
  wrapperBorderRadius: 6,
  browserColorScheme: 'light',
});
