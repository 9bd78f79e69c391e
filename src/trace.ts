/**
 * Phase timings on stderr when KONTOR_TRACE is set: how the benchmark figures break down. The memory
 * figures tell DuckDB's share of the peak RSS (outside the JS heap) from the JS heap's.
 */
export function tracer(scope: string): (phase: string) => void {
  if (!process.env.KONTOR_TRACE) return () => {};
  let last = performance.now();
  return (phase) => {
    const now = performance.now();
    const memory = process.memoryUsage();
    const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(0);
    process.stderr.write(
      `[trace] ${scope} ${phase}: ${((now - last) / 1000).toFixed(3)} s` +
        ` (rss ${mib(memory.rss)} MiB, peak ${mib(process.resourceUsage().maxRSS * 1024)} MiB, heap ${mib(memory.heapUsed)} MiB)\n`,
    );
    last = now;
  };
}
