// Timeline legend: shows only the styles the current run uses, so an asyncio run and a threads run each get a short key.

/** Legend entries shown before anything has run: the event loop and its tasks. */
const DEFAULT_ENTRIES = ['running', 'awaiting', 'ready', 'loop-idle', 'loop-blocked'];

/**
 * Which entries a run's spans need. `seenStyles` holds `family:state` pairs; the main thread's
 * lane is drawn as the event loop when the run has tasks and as a plain thread when it has none.
 */
function entriesFor(model) {
  const seen = (family, state) => model.seenStyles.has(`${family}:${state}`);
  const loopIsThread = model.taskCount === 0;
  const entries = new Set();
  if (seen('task', 'running') || (!loopIsThread && seen('loop', 'running'))) entries.add('running');
  if (seen('task', 'awaiting')) entries.add('awaiting');
  if (seen('task', 'ready')) entries.add('ready');
  if (seen('loop', 'idle')) entries.add('loop-idle');
  if (seen('loop', 'blocked') && !loopIsThread) entries.add('loop-blocked');
  if (seen('thread', 'running') || (loopIsThread && seen('loop', 'running'))) entries.add('python');
  if (seen('thread', 'waiting_gil') || seen('loop', 'waiting_gil')) entries.add('gil');
  if (seen('thread', 'native')) entries.add('native');
  if (seen('thread', 'blocked') || (loopIsThread && seen('loop', 'blocked'))) entries.add('thread-blocked');
  if (seen('thread', 'idle')) entries.add('worker-idle');
  if (seen('core', 'running')) entries.add('core');
  return entries;
}

export class Legend {
  constructor(root) {
    this.items = [...root.querySelectorAll('[data-legend]')];
    this.python = root.querySelector('[data-legend="python"] .legend-text');
    this.key = '';
    this.show(null);
  }

  /**
   * Shows the entries the given models need together (the compare view shows two runs), the
   * default set without any; cheap when nothing changed.
   */
  show(...given) {
    const models = given.filter(Boolean);
    const key = models.map((model) => `${model.seenRevision}|${model.taskCount > 0}|${model.gil}`).join(';') || 'default';
    if (key === this.key) return;
    this.key = key;
    const entries = new Set(models.flatMap((model) => [...entriesFor(model)]));
    // A run that has not drawn anything yet keeps the default key rather than an empty one.
    const shown = entries.size > 0 ? entries : new Set(DEFAULT_ENTRIES);
    for (const item of this.items) item.hidden = !shown.has(item.dataset.legend);
    const noGil = models.some((model) => !model.gil);
    this.python.textContent = noGil ? 'running Python (no GIL)' : 'running Python (holds the GIL)';
  }

  /** Names entries in a picture's words too ("opponent thinking" before "awaiting"), or only plainly. */
  setTheme(theme) {
    for (const item of this.items) {
      item.querySelector('.legend-picture')?.remove();
      const words = theme.legend[item.dataset.legend];
      if (!words) continue;
      const picture = document.createElement('b');
      picture.className = 'legend-picture';
      picture.textContent = words;
      item.querySelector('.swatch')?.after(picture);
    }
  }
}
