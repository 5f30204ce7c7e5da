// SSE client: follows one run's event stream (docs/trace-format.md) and feeds its batches and ticks into a RunModel.

/** Consecutive connection errors without any message after which the stream is given up. */
const MAX_SILENT_RETRIES = 5;

/**
 * Follows `/api/runs/{id}/events`. The browser's EventSource resumes by itself after a dropped
 * connection (it resends `Last-Event-ID`; ticks carry no id, so they never move it), so errors
 * only end the stream when they keep coming. `onBatch` is called after each batch or tick.
 * Returns a handle whose `close()` stops following.
 */
export function followRun(runId, model, { onBatch, onEnd, onLost }) {
  const source = new EventSource(`/api/runs/${encodeURIComponent(runId)}/events`);
  let silentErrors = 0;

  source.addEventListener('batch', (message) => {
    silentErrors = 0;
    model.apply(JSON.parse(message.data).events, performance.now());
    onBatch();
  });

  source.addEventListener('tick', (message) => {
    silentErrors = 0;
    model.tick(JSON.parse(message.data).t_ns, performance.now());
    onBatch();
  });

  source.addEventListener('end', (message) => {
    // Close first: a stream the server ends would otherwise be reopened by EventSource.
    source.close();
    model.finish(JSON.parse(message.data));
    onEnd();
  });

  source.addEventListener('error', () => {
    silentErrors += 1;
    if (source.readyState === EventSource.CLOSED || silentErrors >= MAX_SILENT_RETRIES) {
      source.close();
      onLost();
    }
  });

  return { close: () => source.close() };
}
