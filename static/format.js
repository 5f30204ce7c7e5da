// Time formatting and axis tick selection shared by the timeline and the panels.

const NS_PER_US = 1e3;
const NS_PER_MS = 1e6;
const NS_PER_S = 1e9;

/** A duration in the unit that keeps it readable: "850 ns", "12.4 µs", "3.20 ms", "1.02 s". */
export function formatDuration(ns) {
  const abs = Math.abs(ns);
  if (abs < NS_PER_US) return `${Math.round(ns)} ns`;
  if (abs < NS_PER_MS) return `${threeDigits(ns / NS_PER_US)} µs`;
  if (abs < NS_PER_S) return `${threeDigits(ns / NS_PER_MS)} ms`;
  return `${(ns / NS_PER_S).toFixed(2)} s`;
}

/** Three significant digits, without a trailing ".0" on whole numbers ≥ 100. */
function threeDigits(value) {
  const abs = Math.abs(value);
  if (abs >= 100) return value.toFixed(0);
  if (abs >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

/** A timestamp for the output pane: seconds with millisecond precision, aligned in a column. */
export function formatTimestamp(ns) {
  return `${(ns / NS_PER_S).toFixed(3)} s`;
}

/**
 * Evenly spaced "nice" tick times (1, 2 or 5 × 10^k ns) covering [t0, t1], at least
 * `minSpacingPx` apart when the window is `widthPx` wide, plus a formatter for their labels.
 */
export function niceTicks(t0, t1, widthPx, minSpacingPx = 90) {
  const span = Math.max(t1 - t0, 1);
  const rawStep = (span * minSpacingPx) / Math.max(widthPx, 1);
  const magnitude = 10 ** Math.floor(Math.log10(rawStep));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= rawStep);
  const first = Math.ceil(t0 / step) * step;
  const ticks = [];
  for (let t = first; t <= t1; t += step) ticks.push(t);
  return { ticks, step, label: tickFormatter(step) };
}

/** Labels in the unit of the step, with just enough decimals to tell neighbouring ticks apart. */
function tickFormatter(step) {
  const units = [
    [NS_PER_S, 's', 1e8],
    [NS_PER_MS, 'ms', 1e5],
    [NS_PER_US, 'µs', 1e2],
    [1, 'ns', 0],
  ];
  const [scale, unit] = units.find(([, , threshold]) => step >= threshold);
  const decimals = Math.max(0, -Math.floor(Math.log10(step / scale) + 1e-9));
  return (t) => {
    const value = t / scale;
    const text = Math.abs(value) < 1e-12 ? '0' : value.toFixed(decimals);
    return `${text} ${unit}`;
  };
}

/** Kinds of the reasons a run was stopped that are not Python exceptions (a limit, a stop, a crash). */
const STOP_KINDS = new Set(['LimitExceeded', 'Cancelled', 'Crashed']);

/**
 * The last line of a run's error as Python prints it (`ValueError: boom`), or, for a run that was
 * stopped rather than raising, the reason alone (`the run reached its time limit of 30 s ...`).
 */
export function formatRunError(error) {
  return STOP_KINDS.has(error.kind) ? error.message : `${error.kind}: ${error.message}`;
}

