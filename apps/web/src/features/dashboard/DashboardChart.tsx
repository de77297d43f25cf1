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
  type ChartConfiguration,
} from "chart.js";
import { useEffect, useRef } from "react";

// Chart.js draws on a canvas and sizes it through the CSSOM (element.style), which the strict
// CSP allows; it injects no <style> and evaluates no strings (checked in the browser test).
// Only what these charts use is registered, so the dashboard's chunk carries nothing else.
Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Legend,
);
Chart.defaults.font.family = '"GDS Transport", arial, sans-serif';
Chart.defaults.color = "#0b0c0c";
Chart.defaults.animation = false;

export const CHART_COLOURS = { blue: "#1d70b8", black: "#0b0c0c", red: "#d4351c", grey: "#505a5f" } as const;

/**
 * A picture for those who would rather look than read. It is hidden from assistive technology:
 * each chart sits beside a text summary and a table holding the same figures.
 */
export function DashboardChart({ config }: { config: ChartConfiguration<"bar" | "line"> }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, { ...config, options: { maintainAspectRatio: false, ...config.options } });
    return () => chart.destroy();
  }, [config]);
  return (
    <div className="app-dashboard-chart" aria-hidden="true">
      <canvas ref={canvas} />
    </div>
  );
}
