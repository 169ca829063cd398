// The charts' colours come from the page's CSS custom properties, so they follow the light and
// dark themes; a chart reads them again when the colour scheme changes.

/** The colours and font a chart is drawn with. */
export type ChartTheme = {
  /** Labels and legend text. */
  text: string;
  /** Secondary text, e.g. axis titles. */
  muted: string;
  /** Grid lines and borders. */
  grid: string;
  /** The card behind the chart. */
  surface: string;
  /** An empty cell (e.g. an hour with no cravings). */
  empty: string;
  /** The main series. */
  primary: string;
  /** A second series drawn over the first (e.g. average intensity over cravings). */
  secondary: string;
  /** A third series. */
  tertiary: string;
  /** A series that must not stand out (e.g. meetings missed). */
  neutral: string;
  /** The font family. */
  font: string;
};

/** The custom property each colour is read from. */
const PROPERTIES: Record<Exclude<keyof ChartTheme, "font">, string> = {
  text: "--text",
  muted: "--muted",
  grid: "--border",
  surface: "--surface",
  empty: "--surface-sunken",
  primary: "--chart-1",
  secondary: "--chart-2",
  tertiary: "--chart-3",
  neutral: "--chart-neutral",
};

/** The light theme's colours, for an element outside the styled page (tests, a detached node). */
export const FALLBACK_THEME: ChartTheme = {
  text: "#1f2226",
  muted: "#53585f",
  grid: "#dcd9d2",
  surface: "#ffffff",
  empty: "#efede8",
  primary: "#2e6a5d",
  secondary: "#a8531a",
  tertiary: "#4a5fa0",
  neutral: "#8d8a84",
  font: "system-ui, sans-serif",
};

/** The theme as `element` sees it now (custom properties are inherited, so any chart node works). */
export function readTheme(element: Element): ChartTheme {
  const style = getComputedStyle(element);
  const theme = { ...FALLBACK_THEME };
  for (const [key, property] of Object.entries(PROPERTIES) as [keyof typeof PROPERTIES, string][]) {
    const value = style.getPropertyValue(property).trim();
    if (value !== "") theme[key] = value;
  }
  const font = style.fontFamily.trim();
  if (font !== "") theme.font = font;
  return theme;
}

/** Calls `onChange` whenever the light/dark preference changes; returns the function that stops. */
export function watchColorScheme(onChange: () => void): () => void {
  if (typeof window.matchMedia !== "function") return () => {};
  const query = window.matchMedia("(prefers-color-scheme: dark)");
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
}
