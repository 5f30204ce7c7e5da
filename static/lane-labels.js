// Lane labels: the DOM column beside the timeline canvas, one button per visible lane row.

import { laneColor } from './palette.js';

const OUTCOME_MARKS = { done: '✓', cancelled: '–', failed: '✕' };

/**
 * Keeps one label per visible row in the DOM; off-screen rows have none, so a run with
 * 10 000 tasks costs only the labels on screen. Labels are buttons: clicking one selects its lane.
 */
export class LaneLabels {
  constructor(host, { onPick }) {
    this.host = host;
    this.onPick = onPick;
    this.elements = new Map();
    this.key = '';
  }

  clear() {
    for (const element of this.elements.values()) element.remove();
    this.elements.clear();
    this.key = '';
  }

  /** Places labels for rows [firstRow, endRow); `rowTop(row)` is the row's top in the column's pixels. */
  sync({ model, rows, firstRow, endRow, rowTop, selectedLane, height }) {
    const key = `${rows.revision}|${rowTop(firstRow)}|${firstRow}|${endRow}|${selectedLane}|${height}`;
    if (key === this.key) return;
    this.key = key;
    const wanted = new Set();
    for (let row = firstRow; row < endRow; row += 1) {
      const laneIndex = rows.order[row];
      wanted.add(laneIndex);
      const element = this.labelFor(model.lanes[laneIndex]);
      element.style.top = `${rowTop(row)}px`;
      element.style.height = `${rows.height[row]}px`;
      element.setAttribute('aria-pressed', String(laneIndex === selectedLane));
    }
    for (const [laneIndex, element] of this.elements) {
      if (!wanted.has(laneIndex)) {
        element.remove();
        this.elements.delete(laneIndex);
      }
    }
  }

  /** Reflects a new selection at once, without waiting for the next frame. */
  markSelected(selectedLane) {
    for (const [laneIndex, element] of this.elements) element.setAttribute('aria-pressed', String(laneIndex === selectedLane));
  }

  labelFor(lane) {
    let element = this.elements.get(lane.index);
    if (!element) {
      element = document.createElement('button');
      element.type = 'button';
      element.addEventListener('click', () => this.onPick(lane.index));
      this.host.append(element);
      this.elements.set(lane.index, element);
    }
    const outcome = lane.outcome?.state ?? '';
    const signature = `${lane.name}|${lane.detail}|${lane.kind}|${lane.depth}|${outcome}`;
    if (element.dataset.signature !== signature) {
      element.dataset.signature = signature;
      element.dataset.lane = lane.id;
      element.className = `lane-label kind-${lane.kind}`;
      element.style.paddingLeft = `${12 + Math.max(0, lane.depth - 1) * 12}px`;
      element.replaceChildren(...labelParts(lane, outcome));
      const detail = lane.detail ? ` ${lane.detail}` : '';
      element.setAttribute('aria-label', `${lane.name}${detail}${outcome ? `, ${outcome}` : ''}. Select this lane.`);
    }
    return element;
  }
}

function span(className, text) {
  const element = document.createElement('span');
  element.className = className;
  element.textContent = text;
  return element;
}

function labelParts(lane, outcome) {
  const swatch = span('lane-swatch', '');
  if (lane.kind !== 'event_loop') swatch.style.background = laneColor(lane);
  const parts = [swatch, span('lane-name', lane.name)];
  if (lane.detail) parts.push(span('lane-detail', lane.detail));
  if (outcome) {
    const mark = span(`lane-outcome outcome-${outcome}`, OUTCOME_MARKS[outcome] ?? '');
    mark.title = outcome;
    parts.push(mark);
  }
  return parts;
}
