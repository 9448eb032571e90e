/** What the generated business sells, in the customer's language (invoice rows are shown to them). */
import type { CustomerCountry } from './customers';

export interface Product {
  description: string;
  unit: string;
  /** Unit price range in whole currency units; whole units keep row totals free of half cents. */
  minPrice: number;
  maxPrice: number;
  maxQuantity: number;
}

export const PRODUCTS: Record<CustomerCountry, readonly Product[]> = {
  SE: [
    { description: 'Konsulttimmar', unit: 'tim', minPrice: 650, maxPrice: 1450, maxQuantity: 40 },
    { description: 'Installation värmepump', unit: 'st', minPrice: 4500, maxPrice: 18000, maxQuantity: 2 },
    { description: 'Material och förbrukning', unit: 'st', minPrice: 20, maxPrice: 900, maxQuantity: 25 },
    { description: 'Resekostnad', unit: 'km', minPrice: 3, maxPrice: 6, maxQuantity: 300 },
  ],
  NL: [
    { description: 'Adviesuren', unit: 'uur', minPrice: 65, maxPrice: 145, maxQuantity: 40 },
    { description: 'Montage zonnepanelen', unit: 'stuk', minPrice: 180, maxPrice: 950, maxQuantity: 12 },
    { description: 'Materiaal', unit: 'stuk', minPrice: 2, maxPrice: 90, maxQuantity: 30 },
    { description: 'Voorrijkosten', unit: 'stuk', minPrice: 35, maxPrice: 75, maxQuantity: 1 },
  ],
  FI: [
    { description: 'Asennustyö', unit: 'h', minPrice: 55, maxPrice: 120, maxQuantity: 40 },
    { description: 'Lämpöpumpun toimitus', unit: 'kpl', minPrice: 900, maxPrice: 3500, maxQuantity: 2 },
    { description: 'Tarvikkeet', unit: 'kpl', minPrice: 2, maxPrice: 80, maxQuantity: 30 },
    { description: 'Matkakulut', unit: 'km', minPrice: 1, maxPrice: 2, maxQuantity: 250 },
  ],
};
