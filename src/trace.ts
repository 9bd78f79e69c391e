/** Phase timings on stderr when KONTOR_TRACE is set: how the benchmark figures break down. */
export function tracer(scope: string): (phase: string) => void {
  if (!process.env.KONTOR_TRACE) return () => {};
  let last = performance.now();
  return (phase) => {
    const now = performance.now();
    process.stderr.write(`[trace] ${scope} ${phase}: ${((now - last) / 1000).toFixed(3)} s\n`);
    last = now;
  };
}
