/**
 * jsdom measures nothing: charts in unit tests get a ResizeObserver that never fires and a fixed box, so
 * recharts draws at 640×288. Call from `beforeEach` in a jsdom test (plain assignments, which the
 * config's `restoreMocks` leaves in place).
 */
export function stubChartLayout() {
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
  const box = (height: number) => ({ width: 640, height, top: 0, left: 0, right: 640, bottom: height, x: 0, y: 0, toJSON: () => ({}) });
  Object.defineProperty(HTMLElement.prototype, "getBoundingClientRect", {
    configurable: true,
    // A legend is one line high; everything else is the chart's box.
    value(this: HTMLElement) {
      return box(this.classList.contains("recharts-legend-wrapper") ? 24 : 288);
    },
  });
  Object.defineProperty(HTMLElement.prototype, "clientWidth", { configurable: true, get: () => 640 });
  Object.defineProperty(HTMLElement.prototype, "clientHeight", { configurable: true, get: () => 288 });
}
