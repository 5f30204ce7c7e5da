// HTTP calls to the Interleave server: the scenario and comparison catalogs, starting or stopping runs, snapshots.

/** A run the server refused to start, e.g. a syntax error: `detail` is `{kind, message, line, column}`. */
export class RunRejected extends Error {
  constructor(detail) {
    super(detail.message);
    this.detail = detail;
  }
}

export async function listScenarios() {
  const response = await fetch('/api/scenarios');
  if (!response.ok) throw new Error(`the scenario list could not be loaded (HTTP ${response.status})`);
  return response.json();
}

/** The built-in comparison pairs: `[{id, title, summary, concept, left, right}]`, scenario ids. */
export async function listComparisons() {
  const response = await fetch('/api/comparisons');
  if (!response.ok) throw new Error(`the comparison list could not be loaded (HTTP ${response.status})`);
  return response.json();
}

/**
 * Saves a finished run as a snapshot: `source` is `{run: id}` or `{trace: document}`, `view` what
 * to open at (`{t0_ns, t1_ns, lane, theme}`, all optional). Resolves to `{id, url}`.
 */
export async function createSnapshot(source, view = {}) {
  const response = await fetch('/api/snapshots', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...source, view }),
  });
  if (response.ok) return response.json();
  throw await failure(response, 'the snapshot could not be saved');
}

/** A saved snapshot: `{id, created_at, view, trace}`, `trace` being the run's trace document. */
export async function getSnapshot(id) {
  const response = await fetch(`/api/snapshots/${encodeURIComponent(id)}`);
  if (response.ok) return response.json();
  throw await failure(response, `snapshot ${id} could not be loaded`);
}

/**
 * An Error with the server's own message (`{"error": {"message"}}`) when it sent one; `status` is
 * the HTTP status and `detail` the server's `{kind, message, field}`, or null.
 */
async function failure(response, what) {
  const payload = await response.json().catch(() => null);
  const error = new Error(`${what}: ${payload?.error?.message ?? `HTTP ${response.status}`}`);
  return Object.assign(error, { status: response.status, detail: payload?.error ?? null });
}

/** Starts a run of a catalog scenario (`{scenario}`) or of edited code (`{source}`); resolves to its id. */
export async function startRun(body) {
  const response = await fetch('/api/runs', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const payload = await response.json().catch(() => null);
  if (response.ok && payload?.id) return payload.id;
  if (payload?.error) throw new RunRejected(payload.error);
  throw new Error(`the server could not start the run (HTTP ${response.status})`);
}

/**
 * Asks the server to cancel a run; resolves to whether its stream will now end by itself: the run
 * is stopping (202), or it had already ended (409) and its `end` is on the way.
 */
export async function cancelRun(runId) {
  const response = await fetch(`/api/runs/${encodeURIComponent(runId)}/cancel`, { method: 'POST' });
  return response.status === 202 || response.status === 409;
}
