// A Chart.js chart on the host's one <canvas>, kept in step with the host: drawn once the canvas is there, its data
// swapped in place on each update (no redraw from scratch, no animation then), destroyed with the canvas or the host.
import { Chart } from 'chart.js';

export class ChartController {
  /** `config()` answers { type, data, options } for the host's current properties. */
  constructor(host, config) {
    this.host = host;
    this.config = config;
    host.addController(this);
  }

  hostUpdated() {
    const canvas = this.host.querySelector('canvas');
    if (!canvas) {
      this.destroy();
      return;
    }
    const { type, data, options } = this.config();
    if (this.chart && this.chart.canvas === canvas) {
      this.chart.data = data;
      this.chart.update('none');
      return;
    }
    this.destroy();
    const still = matchMedia('(prefers-reduced-motion: reduce)').matches;
    this.chart = new Chart(canvas, {
      type,
      data,
      options: { animation: still ? false : { duration: 300 }, maintainAspectRatio: false, ...options },
    });
  }

  hostDisconnected() {
    this.destroy();
  }

  destroy() {
    this.chart?.destroy();
    this.chart = null;
  }
}
