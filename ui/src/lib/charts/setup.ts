// Chart.js with only the pieces Waymark draws (bars, lines, the matrix for the heatmap), so the
// bundle carries nothing else. Charts are still: no animation, for calm and reduced motion alike.
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
} from "chart.js";
import { MatrixController, MatrixElement } from "chartjs-chart-matrix";

Chart.register(
  BarController,
  BarElement,
  LineController,
  LineElement,
  PointElement,
  CategoryScale,
  LinearScale,
  Tooltip,
  Legend,
  MatrixController,
  MatrixElement,
);
Chart.defaults.animation = false;
Chart.defaults.maintainAspectRatio = false;

/** A drawn chart, as the wrapper component uses it. */
export type ChartHandle = {
  /** Redraws with new data and options (new figures, or new theme colours). */
  update(config: ChartConfiguration): void;
  /** Removes the chart and its listeners. */
  destroy(): void;
};

/** Draws `config` on `canvas`. */
export function createChart(canvas: HTMLCanvasElement, config: ChartConfiguration): ChartHandle {
  // Tooltips and legends in the page's own font (the same for every chart, so set once here).
  const family = getComputedStyle(canvas).fontFamily;
  if (family) Chart.defaults.font.family = family;
  const chart = new Chart(canvas, config);
  return {
    update(next) {
      chart.data = next.data;
      chart.options = next.options ?? {};
      chart.update("none");
    },
    destroy() {
      chart.destroy();
    },
  };
}
