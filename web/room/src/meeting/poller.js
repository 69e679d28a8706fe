// Polling that pauses while the page is hidden (Teams hides side panels and stages it does not show) and never
// overlaps itself: tick runs, then the next one is scheduled intervalMs later.

/**
 * @param {() => Promise<void>} tick handles its own errors
 * @param {number} intervalMs
 * @returns {{ now: () => void, stop: () => void }}
 */
export function startPolling(tick, intervalMs) {
  /** @type {ReturnType<typeof setTimeout> | null} */
  let timer = null;
  let running = false;
  let again = false;
  let stopped = false;
  const visible = () => document.visibilityState !== 'hidden';

  function schedule(delay) {
    if (stopped || running || timer !== null || !visible()) return;
    timer = setTimeout(run, delay);
  }

  async function run() {
    timer = null;
    if (stopped || !visible()) return;
    running = true;
    try {
      await tick();
    } catch (error) {
      console.error(error); // tick shows its own errors; this is a bug
    } finally {
      running = false;
    }
    schedule(again ? 0 : intervalMs);
    again = false;
  }

  function onVisibility() {
    if (!visible()) {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      return;
    }
    schedule(0);
  }

  document.addEventListener('visibilitychange', onVisibility);
  schedule(intervalMs);
  return {
    /** Polls at once (after an action), or right after the tick that is running. */
    now() {
      if (running) {
        again = true;
        return;
      }
      if (timer !== null) clearTimeout(timer);
      timer = null;
      schedule(0);
    },
    stop() {
      stopped = true;
      if (timer !== null) clearTimeout(timer);
      timer = null;
      document.removeEventListener('visibilitychange', onVisibility);
    },
  };
}
