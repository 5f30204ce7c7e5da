// Lane labels: the DOM column beside the timeline canvas, one button per visible lane row and a title per lane group.

import { colorFamily, laneColor } from './palette.js';
import { themeNamed } from './themes.js';

const OUTCOME_MARKS = { done: '✓', cancelled: '–', failed: '✕' };

/** The badge that tells a newcomer what kind of thing a row is. */
const KIND_BADGES = { event_loop: 'loop', task: 'task', thread: 'thread', process: 'process', core: 'CPU' };
const KIND_WORDS = { event_loop: 'event loop', task: 'task', thread: 'thread', process: 'process', core: 'CPU core' };

/** Indentation per nesting level, in CSS pixels. */
const INDENT_PX = 14;

/** Characters kept at the end of a long lane name when it has to be shortened. */
const NAME_TAIL = 4;

/**
 * Keeps one label per visible row in the DOM; off-screen rows have none, so a run with
 * 10 000 tasks costs only the labels on screen. Labels are buttons: clicking one selects its lane.
 */
export class LaneLabels {
  constructor(host, { onPick }) {
    this.host = host;
    this.onPick = onPick;
    this.elements = new Map();
    this.headings = new Map();
    this.key = '';
    this.theme = themeNamed('plain');
  }

  /** Badges in a picture's words (♔ grandmaster, ♟ board 2); every label is redone on the next sync. */
  setTheme(theme) {
    this.theme = theme;
    this.key = '';
  }

  clear() {
    for (const element of this.elements.values()) element.remove();
    for (const element of this.headings.values()) element.remove();
    this.elements.clear();
    this.headings.clear();
    this.key = '';
  }

  /**
   * Places labels for rows [firstRow, endRow) and the titles of group breaks; `rowTop(row)` is a
   * row's top and `contentTop(y)` turns a content offset into the column's pixels.
   */
  sync({ model, rows, firstRow, endRow, rowTop, contentTop, selectedLane, height }) {
    const key = `${rows.revision}|${rowTop(firstRow)}|${firstRow}|${endRow}|${selectedLane}|${height}`;
    if (key === this.key) return;
    this.key = key;
    const wanted = new Set();
    for (let row = firstRow; row < endRow; row += 1) {
      const laneIndex = rows.order[row];
      wanted.add(laneIndex);
      const element = this.labelFor(model.lanes[laneIndex], model);
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
    this.syncHeadings(rows.breaks, contentTop, height);
  }

  /** Group titles ("CPU cores") sit in the bands the timeline leaves between groups. */
  syncHeadings(breaks, contentTop, height) {
    const wanted = new Set();
    for (const { top, height: bandHeight, heading } of breaks) {
      const y = contentTop(top);
      if (!heading || y + bandHeight < 0 || y > height) continue;
      wanted.add(heading);
      let element = this.headings.get(heading);
      if (!element) {
        element = document.createElement('div');
        element.className = 'lane-group-heading';
        element.textContent = heading;
        this.host.append(element);
        this.headings.set(heading, element);
      }
      element.style.top = `${y}px`;
      element.style.height = `${bandHeight}px`;
    }
    for (const [heading, element] of this.headings) {
      if (!wanted.has(heading)) {
        element.remove();
        this.headings.delete(heading);
      }
    }
  }

  /** Reflects a new selection at once, without waiting for the next frame. */
  markSelected(selectedLane) {
    for (const [laneIndex, element] of this.elements) element.setAttribute('aria-pressed', String(laneIndex === selectedLane));
  }

  labelFor(lane, model) {
    let element = this.elements.get(lane.index);
    if (!element) {
      element = document.createElement('button');
      element.type = 'button';
      element.addEventListener('click', () => this.onPick(lane.index));
      this.host.append(element);
      this.elements.set(lane.index, element);
    }
    const outcome = lane.outcome?.state ?? '';
    const pid = lane.kind === 'process' ? lane.pid : 0;
    const pictured = this.theme.badge(lane, model);
    const signature = `${lane.name}|${lane.detail}|${lane.kind}|${lane.depth}|${outcome}|${pid}|${this.theme.name}|${pictured?.text}`;
    if (element.dataset.signature !== signature) {
      element.dataset.signature = signature;
      element.dataset.lane = lane.id;
      element.className = `lane-label kind-${lane.kind}${pictured ? ' is-pictured' : ''}`;
      element.replaceChildren(...labelParts(lane, outcome, pid, pictured));
      const detail = lane.detail ? ` ${lane.detail}` : '';
      const pidText = pid ? `, pid ${pid}` : '';
      const kind = KIND_WORDS[lane.kind] ?? lane.kind;
      element.setAttribute('aria-label', `${kind} ${lane.name}${detail}${pidText}${outcome ? `, ${outcome}` : ''}. Select this lane.`);
    }
    return element;
  }
}

/**
 * A long name is cut in its middle, not at its end: the end is what tells pool workers and
 * processes apart (`ThreadPoolExecutor-0_0`, `…-0_1`; `SpawnProcess-1` beside its pid). The tail
 * never shrinks; the head takes the ellipsis.
 */
function nameElement(name) {
  if (name.length <= NAME_TAIL * 2) return span('lane-name', name);
  const element = span('lane-name is-split', '');
  element.append(span('lane-name-head', name.slice(0, -NAME_TAIL)), span('lane-name-tail', name.slice(-NAME_TAIL)));
  return element;
}

function span(className, text) {
  const element = document.createElement('span');
  element.className = className;
  element.textContent = text;
  return element;
}

/** The kind badge, or the picture's badge (a glyph or icon and a word) when the theme gives one. */
function badgeElement(lane, pictured) {
  const badge = span('lane-kind', pictured ? '' : KIND_BADGES[lane.kind] ?? lane.kind);
  if (pictured) {
    const mark = span('lane-kind-mark', pictured.glyph ?? '');
    // Icons are the theme's own constant SVG strings, never text from a run.
    if (pictured.icon) mark.innerHTML = pictured.icon;
    badge.append(mark, document.createTextNode(pictured.text));
  }
  if (colorFamily(lane.kind)) badge.style.setProperty('--lane-color', laneColor(lane));
  return badge;
}

function labelParts(lane, outcome, pid, pictured) {
  const parts = [];
  if (lane.depth > 0) {
    // An elbow under the parent's badge draws the nesting.
    const indent = span('lane-indent', '');
    indent.style.width = `${lane.depth * INDENT_PX}px`;
    parts.push(indent);
  }
  // The badge names the kind and wears the lane's colour, the one its bars have on the timeline.
  parts.push(badgeElement(lane, pictured), nameElement(lane.name));
  if (pid) parts.push(span('lane-pid', `pid ${pid}`));
  if (lane.detail) parts.push(span('lane-detail', lane.detail));
  if (outcome) {
    const mark = span(`lane-outcome outcome-${outcome}`, OUTCOME_MARKS[outcome] ?? '');
    mark.title = outcome;
    parts.push(mark);
  }
  return parts;
}
