// npm run bench [-- --lines 10000000 --runs 3 --keep DIR]: Kontor's import + analysis against DuckDB's
// own read_csv plus the equivalent SQL on the same synthetic file, each run in a fresh process,
// interleaved. --keep reuses (or leaves) the generated file in DIR, for profiling runs of one side.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { demoSalesOptions, writeSalesCsv } from '../src/demo/index.js';

const { values } = parseArgs({
  options: {
    lines: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '3' },
    customers: { type: 'string' },
    keep: { type: 'string' },
  },
});
const lines = Number(values.lines);
const runs = Number(values.runs);
const customers = Number(values.customers ?? Math.min(100_000, Math.max(400, Math.round(lines / 100))));
const work = values.keep ?? fs.mkdtempSync(path.join(os.tmpdir(), 'kontor-bench-'));
fs.mkdirSync(work, { recursive: true });
const file = path.join(work, `sales-${lines}-${customers}.csv`);

if (fs.existsSync(file)) console.log(`Reusing ${file}\n`);
else {
  console.log(
    `Generating ${lines.toLocaleString('en-US')} sales lines for ${customers.toLocaleString('en-US')} customers…`,
  );
  const written = await writeSalesCsv(
    file,
    demoSalesOptions({ lines, customers, seed: 42 }, new Date('2026-01-15')),
  );
  console.log(`  ${(written.bytes / 2 ** 20).toFixed(0)} MiB at ${file}\n`);
}

interface Run {
  importSeconds: number;
  analyzeSeconds: number;
  totalSeconds: number;
  peakRssMiB: number;
}

function runChild(script: string): Run {
  const dataDir = fs.mkdtempSync(path.join(work, 'data-'));
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(import.meta.dirname, script), file, dataDir],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 24,
    },
  );
  fs.rmSync(dataDir, { recursive: true, force: true });
  if (result.status !== 0) throw new Error(`${script} failed: ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').at(-1)!) as Run;
}

const kontor: Run[] = [];
const reference: Run[] = [];
/**
 * Reads the whole file once, so that each side starts with it in the page cache. This machine's kernel
 * pages out memory left untouched for a while (DAMON), the cache of a 1.6 GB file included, and
 * whichever side ran after such a pause read it from disk (the same reference run took 13 to 29 s).
 */
function warmFile(): void {
  const buffer = Buffer.alloc(1 << 24);
  const fd = fs.openSync(file, 'r');
  try {
    while (fs.readSync(fd, buffer, 0, buffer.length, null) > 0);
  } finally {
    fs.closeSync(fd);
  }
}

for (let i = 0; i < runs; i++) {
  // Alternating which side goes first, each right after the file is read.
  const sides = i % 2 === 0 ? (['reference', 'kontor'] as const) : (['kontor', 'reference'] as const);
  for (const side of sides) {
    warmFile();
    if (side === 'reference') reference.push(runChild('import-reference.ts'));
    else kontor.push(runChild('import-kontor.ts'));
  }
  process.stdout.write(
    `  run ${i + 1}/${runs}: Kontor ${kontor.at(-1)!.totalSeconds.toFixed(2)} s, DuckDB ${reference.at(-1)!.totalSeconds.toFixed(2)} s\n`,
  );
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const k = {
  imp: median(kontor.map((r) => r.importSeconds)),
  ana: median(kontor.map((r) => r.analyzeSeconds)),
  all: median(kontor.map((r) => r.totalSeconds)),
  rss: Math.max(...kontor.map((r) => r.peakRssMiB)),
};
const d = {
  imp: median(reference.map((r) => r.importSeconds)),
  ana: median(reference.map((r) => r.analyzeSeconds)),
  all: median(reference.map((r) => r.totalSeconds)),
  rss: Math.max(...reference.map((r) => r.peakRssMiB)),
};
console.log(
  `\nMedians of ${runs} interleaved runs (peak RSS: the highest), ${lines.toLocaleString('en-US')} lines, ${os.cpus().length} cores:`,
);
console.log('                          Kontor   DuckDB read_csv + SQL   ratio');
console.log(
  `  import (load)        ${k.imp.toFixed(2).padStart(7)} s   ${d.imp.toFixed(2).padStart(13)} s   ${(k.imp / d.imp).toFixed(2)}×`,
);
console.log(
  `  analysis             ${k.ana.toFixed(2).padStart(7)} s   ${d.ana.toFixed(2).padStart(13)} s   ${(k.ana / d.ana).toFixed(2)}×`,
);
console.log(
  `  total                ${k.all.toFixed(2).padStart(7)} s   ${d.all.toFixed(2).padStart(13)} s   ${(k.all / d.all).toFixed(2)}×   (target ≤ 1.3×)`,
);
console.log(
  `  peak RSS             ${k.rss.toFixed(0).padStart(5)} MiB   ${d.rss.toFixed(0).padStart(11)} MiB          (target ≤ 1024 MiB)`,
);
if (!values.keep) fs.rmSync(work, { recursive: true, force: true });
