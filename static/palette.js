// Lane colours shared by the timeline, the lane labels and the output pane.

/** Distinct, readable-on-white task colours; red and amber are kept for "blocked" and "ready". */
const TASK_COLORS = ['#2563eb', '#7c3aed', '#db2777', '#059669', '#0891b2', '#4f46e5', '#65a30d', '#c026d3', '#0f766e', '#9333ea'];

/**
 * Thread and process colours. They avoid teal and light violet, which mean "native code" and
 * "waiting for the GIL" on the same rows, and the CPU-core rows repeat them to say who runs where.
 */
const THREAD_COLORS = ['#2563eb', '#db2777', '#65a30d', '#4f46e5', '#c026d3', '#0284c7', '#a16207', '#be185d'];

/** The main thread (the event-loop lane) and lanes that run no code of their own. */
const NEUTRAL_COLOR = '#64748b';

/** Which palette a lane kind draws from; kinds not listed are neutral. */
const PALETTES = { task: TASK_COLORS, thread: THREAD_COLORS, process: THREAD_COLORS };

/** The palette family a lane's colour index counts in (threads and processes share one). */
export function colorFamily(kind) {
  if (kind === 'task') return 'task';
  return kind === 'thread' || kind === 'process' ? 'thread' : null;
}

/** A lane's colour, by the order lanes of its family were declared. */
export function laneColor(lane) {
  const palette = lane ? PALETTES[lane.kind] : undefined;
  return palette && lane.colorIndex >= 0 ? palette[lane.colorIndex % palette.length] : NEUTRAL_COLOR;
}
