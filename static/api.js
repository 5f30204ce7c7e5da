// HTTP calls to the Interleave server: the scenario catalog and starting or stopping runs.

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
