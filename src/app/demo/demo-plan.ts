import type { AdvanceFrequency } from '../../domain/advance-frequency.js';
import { addDays, addMonths, type CalendarDate } from '../../domain/calendar-date.js';
import { withCheckDigit } from '../../domain/ean.js';
import type { Energy } from '../../domain/tariff.js';
import { seededRandom, type Random } from './random.js';

// Made-up, Belgian-looking names and addresses: no real person is in the demo.
const FIRST_NAMES_NL = [
  'Lotte',
  'Wout',
  'Fien',
  'Jens',
  'Noor',
  'Arne',
  'Lien',
  'Bram',
  'Ine',
  'Pieter',
  'Hanne',
  'Tijs',
  'Elke',
  'Ruben',
  'Sofie',
  'Kobe',
];
const LAST_NAMES_NL = [
  'Peeters',
  'Janssens',
  'Maes',
  'Claes',
  'Wouters',
  'Goossens',
  'Willems',
  'Mertens',
  'Vermeulen',
  'Jacobs',
  'Van den Broeck',
  'De Smet',
  'Verhoeven',
  'Aerts',
];
const FIRST_NAMES_FR = [
  'Camille',
  'Louis',
  'Manon',
  'Hugo',
  'Chloé',
  'Arthur',
  'Léa',
  'Théo',
  'Julie',
  'Maxime',
  'Elise',
  'Nathan',
  'Margaux',
  'Simon',
];
const LAST_NAMES_FR = [
  'Dubois',
  'Lambert',
  'Dupont',
  'Martin',
  'Simon',
  'Laurent',
  'Lejeune',
  'Renard',
  'Leclercq',
  'Collard',
  'Denis',
  'Gilson',
  'Hubert',
];
const STREETS_NL = [
  'Kerkstraat',
  'Stationsstraat',
  'Dorpsstraat',
  'Molenstraat',
  'Schoolstraat',
  'Nieuwstraat',
  'Kapelstraat',
  'Beekstraat',
  'Lindelaan',
];
const STREETS_FR = [
  'Rue de la Station',
  "Rue de l'Église",
  'Rue du Moulin',
  'Rue des Écoles',
  'Avenue des Tilleuls',
  'Rue Haute',
  'Chaussée de Namur',
];
// Fluvius Antwerpen serves the city of Antwerp and its districts, Fluvius Imewo serves Gent: the two
// network areas the demo products price.
const CITIES_NL: readonly (readonly [string, string])[] = [
  ['2000', 'Antwerpen'],
  ['2018', 'Antwerpen'],
  ['2100', 'Deurne'],
  ['2140', 'Borgerhout'],
  ['2170', 'Merksem'],
  ['2600', 'Berchem'],
  ['2610', 'Wilrijk'],
  ['2660', 'Hoboken'],
  ['9000', 'Gent'],
];
const CITIES_FR: readonly (readonly [string, string])[] = [
  ['5000', 'Namur'],
  ['4000', 'Liège'],
  ['6000', 'Charleroi'],
  ['7000', 'Mons'],
  ['1300', 'Wavre'],
  ['1400', 'Nivelles'],
] as const;

export type DemoRegion = 'flanders' | 'wallonia';
export type PeriodOutcome = 'invoiced' | 'skipped' | 'planned';

export type DemoContract = {
  customer: {
    name: string;
    email: string | null;
    language: 'nl' | 'fr' | 'en';
    address: { line1: string; postalCode: string; city: string; country: 'BE' };
  };
  ean: string;
  energy: Energy;
  moveInDate: CalendarDate;
  signatureDate: CalendarDate;
  firstAdvanceStartDate: CalendarDate | null;
  endDate: CalendarDate | null;
  advanceFrequency: AdvanceFrequency;
  estimatedAnnualConsumptionKwh: number;
  /** The metered consumption of a closed billing period relative to the load-profile estimate (a simulated reading). */
  meteredToEstimate: number;
  /** Close (settle) the first billing period when it has ended. */
  settleFirstBillingPeriod: boolean;
  /** What became of each due advance period, drawn once per contract so the demo is stable. */
  outcomeSeed: number;
};

const FREQUENCIES: readonly AdvanceFrequency[] = [
  ...Array<AdvanceFrequency>(11).fill('monthly'),
  'bimonthly',
  'bimonthly',
  'quarterly',
  'quarterly',
  'quarterly',
  'semiannual',
  'annual',
  'none',
  'none',
];

/**
 * The demo's contracts for one organization, deterministic for (seed, today): signature dates spread
 * over the last two years with a few in the future, historic custom first advance dates, fixed terms.
 */
export function demoContracts(seed: number, count: number, region: DemoRegion, today: CalendarDate, eanOffset: number): DemoContract[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, i) => demoContract(random, region, today, eanOffset + i));
}

function demoContract(random: Random, region: DemoRegion, today: CalendarDate, serial: number): DemoContract {
  const flemish = region === 'flanders';
  const first = random.pick(flemish ? FIRST_NAMES_NL : FIRST_NAMES_FR);
  const last = random.pick(flemish ? LAST_NAMES_NL : LAST_NAMES_FR);
  const [postalCode, city] = random.pick(flemish ? CITIES_NL : CITIES_FR);
  // The Walloon organization sells gas only: the data set prices Walloon gas (ORES), not Walloon electricity.
  // Gent is electricity only: the data set prices gas for Fluvius Antwerpen, not for Imewo.
  const energy: Energy = flemish && (city === 'Gent' || random.chance(0.6)) ? 'electricity' : 'gas';
  const signatureDate = addDays(today, random.chance(0.04) ? random.int(1, 40) : -random.int(0, 730));
  const moveInDate = addDays(signatureDate, random.int(0, 45));
  const advanceFrequency = random.pick(FREQUENCIES);
  const firstAdvanceStartDate = advanceFrequency !== 'none' && random.chance(0.3) ? addDays(moveInDate, random.int(0, 60)) : null;
  const endDate = random.chance(0.1) ? addDays(addMonths(moveInDate, random.pick([12, 24])), -1) : null;
  // typical Belgian households: ~3,500 kWh electricity and ~17,000 kWh gas a year (CREG, VREG)
  const estimatedAnnualConsumptionKwh = energy === 'electricity' ? random.int(150, 700) * 10 : random.int(80, 260) * 100;
  const email = random.chance(0.8) ? `${slug(first)}.${slug(last)}.${serial}@example.be` : null;
  return {
    customer: {
      name: `${first} ${last}`,
      email,
      language: flemish ? (random.chance(0.9) ? 'nl' : 'en') : 'fr',
      address: { line1: `${random.pick(flemish ? STREETS_NL : STREETS_FR)} ${random.int(1, 180)}`, postalCode, city, country: 'BE' },
    },
    ean: withCheckDigit(`54144${energy === 'electricity' ? '8' : '9'}${String(serial).padStart(11, '0')}`),
    energy,
    moveInDate,
    signatureDate,
    firstAdvanceStartDate,
    endDate,
    advanceFrequency,
    estimatedAnnualConsumptionKwh,
    meteredToEstimate: 0.85 + random.int(0, 30) / 100,
    settleFirstBillingPeriod: random.chance(0.5),
    outcomeSeed: random.int(1, 2 ** 31 - 1),
  };
}

/**
 * Older due periods are mostly invoiced, a few skipped; recent ones (the last 45 days) wait, missing.
 * A billing period to settle has every period invoiced or skipped.
 */
export function periodOutcomes(
  contract: DemoContract,
  starts: readonly { startDate: CalendarDate; settled: boolean }[],
  today: CalendarDate,
): PeriodOutcome[] {
  const random = seededRandom(contract.outcomeSeed);
  const recent = addDays(today, -45);
  return starts.map(({ startDate, settled }) => {
    if (startDate > today) return 'planned';
    const draw = random.next();
    if (settled) return draw < 0.9 ? 'invoiced' : 'skipped';
    if (startDate > recent) return 'planned';
    return draw < 0.72 ? 'invoiced' : draw < 0.78 ? 'skipped' : 'planned';
  });
}

function slug(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, '');
}
