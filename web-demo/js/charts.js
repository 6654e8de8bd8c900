// Charts through Chart.js (vendor/chart.umd.min.js, loaded before the modules). One chart per
// key: drawing a key again replaces its chart. No animation: the dashboard appears at once.
import { el } from './dom.js';

const charts = new Map();

/** A <canvas> with a text label for screen readers, holding the chart `config` (Chart.js). */
export function chart(key, label, config) {
  charts.get(key)?.destroy();
  const canvas = el('canvas', { attrs: { role: 'img', 'aria-label': label } });
  const box = el('div', { className: 'chart' }, canvas);
  const Chart = globalThis.Chart;
  if (!Chart) return el('p', {}, label);
  const options = { animation: false, responsive: true, maintainAspectRatio: false, ...config.options };
  // Drawn in a task of its own once the canvas is in the document (Chart.js measures its parent,
  // which costs a layout): the page stays responsive between the panel and its charts.
  setTimeout(() => {
    if (canvas.isConnected) charts.set(key, new Chart(canvas, { ...config, options }));
  });
  return box;
}

export const COLORS = ['#2563eb', '#dc2626', '#16a34a', '#d97706', '#7c3aed', '#0891b2', '#db2777', '#65a30d', '#475569', '#ea580c'];
