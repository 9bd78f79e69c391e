/** Generator of the fictional demo company: customers, products and a realistic sales history. */
export { PRODUCT_FAMILIES, PRODUCTS, type Product } from './catalogue.js';
export {
  type CustomerOptions,
  DEMO_COMPANY,
  type DemoCustomer,
  generateCustomers,
  type Lifecycle,
} from './company.js';
export { type CsvProgress, csvField, SALES_CSV_HEADER, type WrittenCsv, writeSalesCsv } from './csv.js';
export {
  ACCOUNT_MANAGERS,
  COUNTRIES,
  type CountryCode,
  KEY_ACCOUNT_MANAGERS,
  REGIONS,
  type Region,
} from './geography.js';
export { deriveSeed, Random } from './random.js';
export {
  DEMO_DEFAULTS,
  demoSalesOptions,
  generateRawSalesLines,
  generateSalesLines,
  type RawSalesLine,
  type SalesLine,
  type SalesOptions,
  validateSalesOptions,
} from './sales.js';
export { SEGMENTS, type Segment } from './segments.js';
