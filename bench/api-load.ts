// One autocannon run against one route, with a check that the route answers 2xx before the load and a
// wait afterwards until the server has worked off whatever the run left queued.
import fs from 'node:fs';
import autocannon from 'autocannon';

export interface Target {
  name: string;
  method: 'GET' | 'POST';
  path: string;
  body?: string;
  headers?: Record<string, string>;
  /** Reads carry the target (p99 ≤ 50 ms at 50 connections); writes are reported. */
  read: boolean;
}

export interface Outcome {
  target: string;
  connections: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  ok: number;
  /** Answers with a status outside 2xx, by status. */
  non2xx: Record<string, number>;
  /** Connection errors and timeouts (autocannon: errors includes timeouts). */
  errors: number;
  timeouts: number;
  /** CPU time per answered request: the server process, the PostgreSQL backends serving it, autocannon. */
  serverCpuMs: number;
  databaseCpuMs: number;
  clientCpuMs: number;
  /** Time the server needed after the run until a database round trip was quick again; -1: not within 60 s. */
  drainMs: number;
}

export async function probe(
  base: string,
  target: Target,
  headers: Record<string, string>,
): Promise<{ status: number; bytes: number; ms: number; text: string }> {
  const started = performance.now();
  const response = await fetch(base + target.path, {
    method: target.method,
    headers: { ...headers, ...target.headers },
    ...(target.body ? { body: target.body } : {}),
  });
  const text = await response.text();
  return {
    status: response.status,
    bytes: Buffer.byteLength(text),
    ms: performance.now() - started,
    text: text.slice(0, 300),
  };
}

export async function load(
  base: string,
  target: Target,
  options: {
    connections: number;
    seconds: number;
    headers: Record<string, string>;
    /** CPU milliseconds used so far by the server and by the database processes serving it. */
    cpu?: () => { server: number; database: number };
  },
): Promise<Outcome> {
  const cpuBefore = options.cpu?.();
  const clientBefore = process.cpuUsage();
  const result = await autocannon({
    url: base + target.path,
    method: target.method,
    headers: { ...options.headers, ...target.headers },
    ...(target.body ? { body: target.body } : {}),
    connections: options.connections,
    duration: options.seconds,
  });
  const non2xx: Record<string, number> = {};
  let ok = 0;
  for (const [status, stats] of Object.entries(result.statusCodeStats ?? {})) {
    const count = stats.count ?? 0;
    if (status.startsWith('2')) ok += count;
    else non2xx[status] = count;
  }
  const cpuAfter = options.cpu?.();
  const client = process.cpuUsage(clientBefore);
  const perRequest = (key: 'server' | 'database') =>
    cpuBefore && cpuAfter && ok > 0 ? (cpuAfter[key] - cpuBefore[key]) / ok : Number.NaN;
  const drainMs = await waitForDrain(base);
  return {
    target: target.name,
    connections: options.connections,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok,
    non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    serverCpuMs: perRequest('server'),
    databaseCpuMs: perRequest('database'),
    clientCpuMs: ok > 0 ? (client.user + client.system) / 1000 / ok : Number.NaN,
    drainMs,
  };
}

/**
 * autocannon stops sending when its time is up, but requests it gave up on may still be queued in the
 * server (event loop, connection pool). /readyz makes one database round trip through the same queue:
 * three quick answers in a row mean the queue is empty, so the next run starts on an idle server. A server
 * still busy after a minute is restarted by the caller.
 */
export async function waitForDrain(base: string, timeoutMs = 60_000): Promise<number> {
  const started = performance.now();
  let quick = 0;
  while (quick < 3) {
    if (performance.now() - started > timeoutMs) return -1;
    const sent = performance.now();
    const response = await fetch(`${base}/readyz`).catch(() => null);
    const ms = performance.now() - sent;
    quick = response?.ok && ms < 20 ? quick + 1 : 0;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return Math.round(performance.now() - started);
}

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

export function formatOutcome(o: Outcome): string {
  const failures = Object.entries(o.non2xx)
    .map(([status, count]) => `${count}×${status}`)
    .join(' ');
  return [
    `  ${o.target.padEnd(20)}`,
    String(o.connections).padStart(5),
    o.requestsPerSecond.toFixed(0).padStart(7),
    String(o.p50).padStart(8),
    String(o.p99).padStart(8),
    String(o.ok).padStart(8),
    (failures || '0').padStart(9),
    String(o.errors - o.timeouts).padStart(7),
    String(o.timeouts).padStart(9),
    (Number.isNaN(o.serverCpuMs) ? '–' : o.serverCpuMs.toFixed(2)).padStart(7),
    (Number.isNaN(o.databaseCpuMs) ? '–' : o.databaseCpuMs.toFixed(2)).padStart(6),
    (Number.isNaN(o.clientCpuMs) ? '–' : o.clientCpuMs.toFixed(2)).padStart(7),
    (o.drainMs < 0 ? 'no (restarted)' : `${(o.drainMs / 1000).toFixed(1)} s`).padStart(8),
  ].join(' ');
}

export const OUTCOME_HEADER =
  '  target               conns   req/s  p50 ms  p99 ms       2xx  non-2xx  errors  timeouts  cpu ms/req: server   db  client   drain';

/** CPU milliseconds (user + system) a process has used, from /proc (Linux); 0 where it cannot be read. */
export function processCpuMs(pid: number): number {
  try {
    // Fields after the command name (which may contain spaces): utime and stime are the 12th and 13th.
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return 0;
  }
}

/** The PostgreSQL backends connected to one database (their process titles name it). */
export function postgresBackends(database: string): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const title = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (title.startsWith('postgres:') && title.includes(` ${database} `)) pids.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}
