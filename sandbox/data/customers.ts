/**
 * Customers of the generated business: Swedish, Dutch and Finnish companies whose names carry
 * the characters that break naive code (å ä ö, ij, ü, and Dutch "'t" with its apostrophe).
 */
import { randomFor, STREAM } from './prng';

export type CustomerCountry = 'SE' | 'NL' | 'FI';
export type Currency = 'SEK' | 'EUR';

export interface SandboxCustomer {
  index: number;
  /** The seller's customer number for this customer, e.g. "K1042". */
  number: string;
  name: string;
  country: CustomerCountry;
  currency: Currency;
  /** SE: 10-digit organisationsnummer; NL: 8-digit KvK; FI: Y-tunnus "1234567-8". */
  organisationNumber: string;
  /** VAT identification number, e.g. SE556...01, NL...B01, FI.... */
  vatNumber: string;
  email: string;
  city: string;
  /** VAT rate in basis points the seller charges this customer: SE 25 %, NL 21 %, FI 25.5 %. */
  vatRateBasisPoints: number;
}

/** Customers are drawn from a fixed pool so a customer's identity never depends on the scale. */
export const CUSTOMER_POOL_SIZE = 2000;

interface CountryProfile {
  surnames: readonly string[];
  suffixes: readonly string[];
  cities: readonly string[];
  currency: Currency;
  vatRateBasisPoints: number;
  emailDomain: string;
}

const PROFILES: Record<CustomerCountry, CountryProfile> = {
  SE: {
    surnames: ['Åkesson', 'Björklund', 'Ström', 'Lindqvist', 'Häggström', 'Öberg', 'Sjöberg', 'Nyström', 'Ekdahl', 'Lövgren', 'Ångström', 'Wästberg'],
    suffixes: ['Bygg AB', 'Konsult AB', '& Söner AB', 'Måleri AB', 'Elteknik AB', 'Trädgård AB', 'Redovisning AB', 'Fastigheter AB'],
    cities: ['Göteborg', 'Malmö', 'Västerås', 'Örebro', 'Linköping', 'Umeå', 'Jönköping'],
    currency: 'SEK',
    vatRateBasisPoints: 2500,
    emailDomain: 'example.se',
  },
  NL: {
    surnames: ['Van den Berg', 'De Vries', 'Van IJzendoorn', 'IJsselmuiden', 'Bakker', "'t Hart", 'Müller', 'De Bruijn', 'Van der Heijden', 'Düsseldorp', "'t Hooft", 'Smits'],
    suffixes: ['Installatietechniek B.V.', 'Bouw B.V.', 'Transport B.V.', 'Bakkerij', 'Adviesgroep B.V.', 'Schilderwerken', 'IJzerhandel B.V.'],
    cities: ['Utrecht', 'IJmuiden', 'Den Haag', 'Eindhoven', 'Zwolle', 'Nijmegen'],
    currency: 'EUR',
    vatRateBasisPoints: 2100,
    emailDomain: 'example.nl',
  },
  FI: {
    surnames: ['Järvinen', 'Hämäläinen', 'Mäkinen', 'Nieminen', 'Köykkä', 'Heikkilä', 'Virtanen', 'Lähteenmäki', 'Ylönen', 'Kärkkäinen'],
    suffixes: ['Oy', 'Rakennus Oy', 'Kuljetus Oy', 'Tilitoimisto Oy', 'Sähkö Oy', 'Ab Oy'],
    cities: ['Helsinki', 'Jyväskylä', 'Hämeenlinna', 'Tampere', 'Oulu', 'Seinäjoki'],
    currency: 'EUR',
    vatRateBasisPoints: 2550,
    emailDomain: 'example.fi',
  },
};

function emailLocalPart(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.|\.$/g, '');
}

function digits(random: ReturnType<typeof randomFor>, count: number): string {
  let text = '';
  for (let i = 0; i < count; i += 1) text += String(random.int(0, 9));
  return text;
}

/**
 * Customers are drawn again for every invoice that names them; the pool is small, so each seed's
 * customers are kept once drawn (a few seeds at most: tests and the demo use one or two).
 */
const drawnCustomers = new Map<number, (SandboxCustomer | undefined)[]>();
const REMEMBERED_SEEDS = 8;

export function customerAt(seed: number, index: number): SandboxCustomer {
  if (index < 0 || index >= CUSTOMER_POOL_SIZE) return drawCustomer(seed, index);
  let pool = drawnCustomers.get(seed);
  if (!pool) {
    if (drawnCustomers.size >= REMEMBERED_SEEDS) drawnCustomers.delete(drawnCustomers.keys().next().value ?? seed);
    pool = new Array<SandboxCustomer | undefined>(CUSTOMER_POOL_SIZE);
    drawnCustomers.set(seed, pool);
  }
  const customer = (pool[index] ??= drawCustomer(seed, index));
  return customer;
}

function drawCustomer(seed: number, index: number): SandboxCustomer {
  const random = randomFor(seed, STREAM.customer, index);
  const roll = random.next();
  // Mostly Swedish (the factoring side is Swedish), a good share Dutch and Finnish.
  const country: CustomerCountry = roll < 0.55 ? 'SE' : roll < 0.8 ? 'NL' : 'FI';
  const profile = PROFILES[country];
  const surname = random.pick(profile.surnames);
  const suffix = random.pick(profile.suffixes);
  // Dutch trade names often lead with the trade ("Bakkerij 't Hart"); keep that word order.
  const name = suffix === 'Bakkerij' ? `Bakkerij ${surname}` : `${surname} ${suffix}`;
  const organisationNumber =
    country === 'SE' ? `55${digits(random, 8)}` : country === 'NL' ? digits(random, 8) : `${digits(random, 7)}-${digits(random, 1)}`;
  const vatNumber =
    country === 'SE' ? `SE${organisationNumber}01` : country === 'NL' ? `NL${digits(random, 9)}B01` : `FI${organisationNumber.replace('-', '')}`;
  return {
    index,
    number: `K${1000 + index}`,
    name,
    country,
    currency: profile.currency,
    organisationNumber,
    vatNumber,
    email: `faktura@${emailLocalPart(surname)}.${profile.emailDomain}`,
    city: random.pick(profile.cities),
    vatRateBasisPoints: profile.vatRateBasisPoints,
  };
}
