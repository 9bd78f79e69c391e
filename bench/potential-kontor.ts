// The CDNOW master through Kontor's own path: import the raw file, build the summary in DuckDB, fit
// BG/NBD + Gamma-Gamma, predict and publish (kontor potential). Own process, own peak RSS.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openCliContext } from '../src/cli/context.js';
import { importSales } from '../src/import/import.service.js';
import { estimatePotential } from '../src/potential/potential.service.js';
import { getSettings } from '../src/settings/setting.service.js';

const file = path.resolve(import.meta.dirname, '../../shared/data/cdnow/CDNOW_master.txt');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kontor-potential-'));
const context = await openCliContext({ dataDir });
try {
  const settings = await getSettings(context.store.db);
  const analytic = await context.analytic();
  const t0 = performance.now();
  await importSales({ analytic, db: context.store.db, dataDir, currency: settings.currency }, { file });
  const t1 = performance.now();
  const report = await estimatePotential(
    { analytic, db: context.store.db, settings },
    { calibrationEnd: '1997-09-30' },
  );
  const t2 = performance.now();
  console.log(`(k) CDNOW master through Kontor: ${report.customers.toLocaleString('en-US')} customers`);
  console.log(`    import 69,659 lines   ${((t1 - t0) / 1000).toFixed(3)} s`);
  console.log(
    `    kontor potential      ${((t2 - t1) / 1000).toFixed(3)} s   (summary in DuckDB, BG/NBD + Gamma-Gamma fit, predict, CLV, publish)`,
  );
  console.log(
    `    params ${JSON.stringify(report.model.params)}, LL ${report.model.logLikelihood.toFixed(3)}`,
  );
  console.log(`    peak RSS              ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
} finally {
  await context.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
