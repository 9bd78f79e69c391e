// The reference: DuckDB's own read_csv (auto-detected types) into a table, then the same per-customer
// figures and the ABC classes with window functions, fetched into JS. Same file, own process.
import fs from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

const [file, dataDir] = process.argv.slice(2);
if (!file || !dataDir) throw new Error('usage: import-reference FILE DATA_DIR');
fs.mkdirSync(dataDir, { recursive: true });
const started = performance.now();
const instance = await DuckDBInstance.create(path.join(dataDir, 'reference.duckdb'));
const connection = await instance.connect();
await connection.run(
  // The same columns Kontor keeps (everything but the unit price), types auto-detected by DuckDB.
  `CREATE TABLE sales AS SELECT "Invoice No" AS document, "Line" AS line, "Invoice Date" AS date,
     "Customer No" AS customer_id, "Customer Name" AS customer_name, "Product" AS product, "Quantity" AS quantity,
     "Amount" AS amount, "Cost" AS cost, "Currency" AS currency, "Segment" AS segment, "Region" AS region,
     "Account Manager" AS owner
   FROM read_csv($file)`,
  { file },
);
const loaded = performance.now();
const reader = await connection.runAndReadAll(
  `WITH bounds AS (SELECT max(date) AS last FROM sales),
   w AS (SELECT last - INTERVAL 12 MONTH + INTERVAL 1 DAY AS wfrom, last AS wto,
                last - INTERVAL 24 MONTH + INTERVAL 1 DAY AS pfrom, last - INTERVAL 12 MONTH AS pto FROM bounds),
   figures AS (
     SELECT customer_id,
       sum(amount) FILTER (WHERE date BETWEEN wfrom AND wto) AS revenue,
       sum(cost) FILTER (WHERE date BETWEEN wfrom AND wto) AS cost,
       sum(amount - cost) FILTER (WHERE date BETWEEN wfrom AND wto) AS margin,
       count(DISTINCT document) FILTER (WHERE date BETWEEN wfrom AND wto) AS orders,
       count(*) FILTER (WHERE date BETWEEN wfrom AND wto) AS lines,
       count(DISTINCT date_trunc('month', date)) FILTER (WHERE date BETWEEN wfrom AND wto) AS months,
       sum(amount) FILTER (WHERE date BETWEEN pfrom AND pto) AS previous,
       min(date) AS first_purchase, max(date) AS last_purchase
     FROM sales, w GROUP BY customer_id),
   ranked AS (
     SELECT *, sum(revenue) OVER (ORDER BY revenue DESC, customer_id ROWS UNBOUNDED PRECEDING) AS running,
            sum(revenue) OVER () AS total
     FROM figures WHERE revenue > 0)
   SELECT customer_id, revenue::VARCHAR, margin::VARCHAR, orders, lines, months, previous::VARCHAR,
          CASE WHEN running - revenue < 0.8 * total THEN 'A' WHEN running - revenue < 0.95 * total THEN 'B' ELSE 'C' END AS class
   FROM ranked ORDER BY revenue DESC`,
);
const rows = reader.getRowsJS();
const finished = performance.now();
connection.closeSync();
instance.closeSync();
process.stdout.write(
  `${JSON.stringify({
    importSeconds: (loaded - started) / 1000,
    analyzeSeconds: (finished - loaded) / 1000,
    totalSeconds: (finished - started) / 1000,
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
    customers: rows.length,
  })}\n`,
);
