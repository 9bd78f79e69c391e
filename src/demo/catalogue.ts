/**
 * The demo company's product range. Margins differ by family (fasteners and services earn far more than
 * motors), which is what makes customer profitability depend on what they buy, not just how much.
 */
import { Random } from './random.js';
import type { Segment } from './segments.js';

export interface Product {
  sku: string;
  name: string;
  /** SKU and name, the way the product appears on invoice lines. */
  label: string;
  family: string;
  /** List price in cents for the last year of the history; earlier years are cheaper by inflation. */
  listPriceCents: number;
  /** Purchase cost per unit in cents (may carry fractions of a cent, rounded per line). */
  unitCostCents: number;
  /** Quantity of a typical order line from an average-sized customer. */
  typicalQuantity: number;
  /** Orders come in multiples of this (fasteners by the hundred). */
  packSize: number;
}

interface FamilyDefinition {
  code: string;
  name: string;
  /** Gross margin at list price. */
  margin: number;
  typicalQuantity: number;
  packSize: number;
  items: readonly (readonly [name: string, listPriceEuros: number])[];
}

const FAMILIES: readonly FamilyDefinition[] = [
  {
    code: 'BRG',
    name: 'Bearings',
    margin: 0.34,
    typicalQuantity: 14,
    packSize: 1,
    items: [
      ['Deep groove ball bearing 6204-2RS', 6.8],
      ['Deep groove ball bearing 6308-2Z', 14.9],
      ['Tapered roller bearing 30207', 21.5],
      ['Spherical roller bearing 22216 E', 118],
      ['Pillow block unit UCP 208', 36],
      ['Linear guide carriage, size 25', 89],
    ],
  },
  {
    code: 'PTR',
    name: 'Power transmission',
    margin: 0.38,
    typicalQuantity: 8,
    packSize: 1,
    items: [
      ['V-belt SPZ 1250', 9.4],
      ['V-belt SPB 2000', 17.8],
      ['Roller chain 08B-1, 5 m', 48],
      ['Roller chain 12B-1, 5 m', 96],
      ['Chain sprocket 12B-1 z=21', 27],
      ['Jaw coupling GR 38', 44],
      ['Timing belt HTD 8M-1600-50', 64],
    ],
  },
  {
    code: 'HYD',
    name: 'Hydraulics',
    margin: 0.33,
    typicalQuantity: 8,
    packSize: 1,
    items: [
      ['Hydraulic hose 2SN DN16, 1 m', 14],
      ['Hydraulic fitting DKOL 18L', 5.6],
      ['Return filter element 10 µm', 42],
      ['Hydraulic cylinder 63/36-400', 285],
      ['Gear pump 16 cc', 320],
    ],
  },
  {
    code: 'PNE',
    name: 'Pneumatics',
    margin: 0.41,
    typicalQuantity: 10,
    packSize: 1,
    items: [
      ['ISO cylinder 50x200', 82],
      ['5/2 solenoid valve G1/4, 24 V DC', 96],
      ['PU tubing 8x6 mm, 50 m roll', 39],
      ['Push-in fitting 8 mm elbow', 2.4],
      ['FRL unit G1/2', 145],
    ],
  },
  {
    code: 'FST',
    name: 'Fasteners',
    margin: 0.52,
    typicalQuantity: 600,
    packSize: 100,
    items: [
      ['Hex bolt DIN 933 M8x30, 8.8, zinc plated', 0.09],
      ['Hex bolt DIN 933 M12x50, 8.8, zinc plated', 0.21],
      ['Hex nut DIN 934 M12', 0.05],
      ['Washer DIN 125 M12', 0.03],
      ['Socket screw ISO 4762 M10x40, A2', 0.38],
      ['Concrete anchor M12x110', 1.15],
    ],
  },
  {
    code: 'TLS',
    name: 'Tools & abrasives',
    margin: 0.44,
    typicalQuantity: 8,
    packSize: 1,
    items: [
      ['Cutting disc 125x1.0 mm INOX', 1.35],
      ['HSS drill bit DIN 338 Ø10 mm', 2.9],
      ['Flap disc 125 mm K80', 3.1],
      ['Carbide end mill Ø12 mm', 46],
      ['Ratchet 1/2"', 38],
      ['Torque wrench 1/2" 40–200 Nm', 189],
    ],
  },
  {
    code: 'PPE',
    name: 'Safety & PPE',
    margin: 0.36,
    typicalQuantity: 24,
    packSize: 1,
    items: [
      ['Cut-resistant gloves level C, size 10', 6.2],
      ['Safety glasses EN 166, clear', 4.8],
      ['Ear defenders SNR 30', 17],
      ['Safety shoe S3, size 43', 68],
      ['FFP2 mask, box of 20', 14],
    ],
  },
  {
    code: 'LUB',
    name: 'Lubricants & chemicals',
    margin: 0.29,
    typicalQuantity: 12,
    packSize: 1,
    items: [
      ['Multipurpose grease EP2, 400 g', 7.5],
      ['Food-grade grease H1, 400 g', 13.9],
      ['Hydraulic oil HLP 46, 20 l', 74],
      ['Industrial cleaner, 5 l', 23],
      ['Chain spray, 400 ml', 9.8],
    ],
  },
  {
    code: 'DRV',
    name: 'Drives & motors',
    margin: 0.21,
    typicalQuantity: 1,
    packSize: 1,
    items: [
      ['IE3 motor 4 kW, 4-pole', 420],
      ['IE3 motor 11 kW, 4-pole', 980],
      ['Frequency inverter 5.5 kW', 690],
      ['Helical gear unit i=20', 1450],
      ['Motor protection switch 10 A', 58],
    ],
  },
  {
    code: 'SRV',
    name: 'Services',
    margin: 0.58,
    typicalQuantity: 4,
    packSize: 1,
    items: [
      ['Service technician, per hour', 95],
      ['Vibration analysis, per machine', 240],
      ['Hose assembly on site, per hour', 78],
      ['Bearing mounting, per job', 180],
    ],
  },
];

/** How strongly each segment buys from each family (same order as FAMILIES). */
export const SEGMENT_FAMILY_AFFINITY: Readonly<Record<Segment, readonly number[]>> = {
  Automotive: [3, 2, 1, 3, 3, 2, 1, 1, 1, 0.5],
  Machinery: [3, 3, 2, 2, 2, 1, 0.5, 1, 2, 0.5],
  'Food & Beverage': [2, 2, 0.5, 2, 1, 0.5, 2, 3, 1, 1],
  Construction: [0.5, 0.5, 2, 0.5, 4, 3, 3, 1, 0.3, 0.3],
  Energy: [2, 1, 2, 1, 2, 1, 1, 2, 3, 2],
  Retail: [0.5, 0.3, 0.3, 0.3, 3, 4, 3, 1, 0.1, 0.1],
  Healthcare: [1, 0.5, 0.2, 2, 1, 1, 4, 1, 0.5, 1],
};

function buildCatalogue(): { products: Product[]; familyOfProduct: number[] } {
  // Fixed seed: the catalogue is part of the fictional company, the same whatever seed the history uses.
  const random = new Random(0x5eed);
  const products: Product[] = [];
  const familyOfProduct: number[] = [];
  FAMILIES.forEach((family, familyIndex) => {
    const prices = family.items.map(([, price]) => price).sort((a, b) => a - b);
    const medianPrice = prices[Math.floor(prices.length / 2)];
    family.items.forEach(([name, listPriceEuros], itemIndex) => {
      const sku = `${family.code}-${1000 + 10 * (itemIndex + 1) + random.int(0, 9)}`;
      const costSpread = random.between(0.93, 1.07);
      // Cheap items go out in larger quantities than expensive ones of the same family.
      const quantity = family.typicalQuantity * (medianPrice / listPriceEuros) ** 0.75;
      products.push({
        sku,
        name,
        label: `${sku} ${name}`,
        family: family.name,
        listPriceCents: Math.round(listPriceEuros * 100),
        unitCostCents: listPriceEuros * 100 * (1 - family.margin) * costSpread,
        typicalQuantity: Math.max(family.packSize, quantity),
        packSize: family.packSize,
      });
      familyOfProduct.push(familyIndex);
    });
  });
  return { products, familyOfProduct };
}

const catalogue = buildCatalogue();

export const PRODUCTS: readonly Product[] = catalogue.products;
/** Index into SEGMENT_FAMILY_AFFINITY for each product. */
export const PRODUCT_FAMILY_INDEX: readonly number[] = catalogue.familyOfProduct;
export const PRODUCT_FAMILIES: readonly string[] = FAMILIES.map((family) => family.name);
