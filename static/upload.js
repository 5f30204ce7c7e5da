// Opening a trace document from a file (dropped on the page or picked): saved as a snapshot and shown at /s/{id}, or refused with the reason.

import { createSnapshot } from './api.js';

/** A visible, dismissable message at the top of the page: what went wrong, and where in the file. */
export class PageAlert {
  constructor(root) {
    this.root = root;
    this.title = root.querySelector('#page-alert-title');
    this.message = root.querySelector('#page-alert-message');
    this.field = root.querySelector('#page-alert-field');
    this.fieldPath = root.querySelector('#page-alert-field-path');
    root.querySelector('#page-alert-close').addEventListener('click', () => this.hide());
    root.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') this.hide();
    });
  }

  show({ title, message, field }) {
    this.title.textContent = title;
    // Server messages start in lower case, to follow a prefix; here each is a sentence of its own.
    this.message.textContent = message.charAt(0).toUpperCase() + message.slice(1);
    this.fieldPath.textContent = field ?? '';
    this.field.hidden = !field;
    this.root.hidden = false;
  }

  hide() {
    this.root.hidden = true;
  }
}

/** Whether a drag carries files (not text or a link dragged within the page). */
function carriesFiles(event) {
  return event.dataTransfer?.types.includes('Files') ?? false;
}

/**
 * Lets the user open a trace document: the "Open a trace…" button opens the file picker, and a
 * file dragged over the page shows the drop overlay. Either way the file is read, parsed and sent
 * to `POST /api/snapshots`; the page then goes to the snapshot, or `alert` says why it could not.
 */
export function installTraceOpening({ button, input, overlay, alert }) {
  const open = (file) => openTraceFile(file, { button, alert });
  button.addEventListener('click', () => input.click());
  input.addEventListener('change', () => {
    const [file] = input.files;
    input.value = '';
    if (file) open(file);
  });

  // dragenter and dragleave fire for every element crossed; the overlay goes when the drag has left them all.
  let depth = 0;
  window.addEventListener('dragenter', (event) => {
    if (!carriesFiles(event)) return;
    depth += 1;
    overlay.hidden = false;
  });
  window.addEventListener('dragleave', (event) => {
    if (!carriesFiles(event)) return;
    depth = Math.max(0, depth - 1);
    if (depth === 0) overlay.hidden = true;
  });
  window.addEventListener('dragover', (event) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  });
  window.addEventListener('drop', (event) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    depth = 0;
    overlay.hidden = true;
    const [file] = event.dataTransfer.files;
    if (file) open(file);
  });
}

async function openTraceFile(file, { button, alert }) {
  alert.hide();
  let trace;
  try {
    trace = JSON.parse(await file.text());
  } catch (error) {
    alert.show({ title: `${file.name} is not a trace document`, message: `It is not valid JSON: ${error.message}` });
    return;
  }
  const label = button.textContent;
  button.disabled = true;
  button.textContent = 'Opening…';
  try {
    const { url } = await createSnapshot({ trace }, {});
    location.assign(url);
  } catch (error) {
    alert.show({
      title: `${file.name} could not be opened`,
      message: error.detail?.message ?? error.message,
      // The server names the field in its request (`trace.spans[3].end_ns`); in the file it is `spans[3].end_ns`.
      field: error.detail?.field?.replace(/^trace\./, ''),
    });
  } finally {
    button.disabled = false;
    button.textContent = label;
  }
}
