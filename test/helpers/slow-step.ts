/**
 * Teardown steps that stall are otherwise reported by jest only as "hook timed out", without saying
 * which step: this names the step (gateway close, database drop, emulator close) while it is still
 * running, with what it was doing last (`context`), so a rare stall in CI can be traced from its log.
 */
export async function reportIfSlow<T>(step: string, work: () => Promise<T>, context?: () => string, afterMs = 10_000): Promise<T> {
  const started = Date.now();
  const report = () => {
    const seconds = Math.round((Date.now() - started) / 1000);
    console.warn(`slow teardown: ${step} still running after ${seconds} s${context ? `\n${context()}` : ''}`);
  };
  const timer = setInterval(report, afterMs);
  timer.unref();
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}
