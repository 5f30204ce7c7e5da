// Task colours shared by the timeline, the lane labels and the output pane.

/** Distinct, readable-on-white task colours; red and amber are kept for "blocked" and "ready". */
const TASK_COLORS = ['#2563eb', '#7c3aed', '#db2777', '#059669', '#0891b2', '#4f46e5', '#65a30d', '#c026d3', '#0f766e', '#9333ea'];
const NEUTRAL_COLOR = '#64748b';

/** A task's colour, by the order tasks were declared; lanes that are not tasks are neutral. */
export function laneColor(lane) {
  return lane && lane.colorIndex >= 0 ? TASK_COLORS[lane.colorIndex % TASK_COLORS.length] : NEUTRAL_COLOR;
}
