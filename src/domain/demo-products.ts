import { Decimal } from 'decimal.js';
import { TARIFF_CARD_VALUES as V, type TariffCardValue } from './generated/tariff-card-values.js';
import type { Product, ProductPrices } from './tariff.js';

const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

/** Residential energy VAT (6 %), used only to bring an excl.-VAT card value to incl. VAT. */
const VAT_FACTOR = new D('1.06');

/** A number as the card prints it ("49,40", "4,87600", "12000"), as an exact decimal. */
export function cardNumber(card: TariffCardValue): Decimal {
  if (!/^\d+(,\d+)?$/.test(card.value)) throw new RangeError(`not a card number: ${card.value}`);
  return new D(card.value.replace(',', '.'));
}

/** From a card's price unit to EUR (per kWh, per year, per kW per year). */
const UNIT_DIVISORS: Readonly<Record<string, number>> = {
  'EURcent/kWh': 100,
  'EUR/MWh': 1000,
  'EUR/kWh': 1,
  'EUR/year': 1,
  'EUR/kW/year': 1,
};

/**
 * A card price in EUR (per kWh, per year or per kW per year), VAT included. c€/kWh and €/MWh
 * convert exactly; an excl.-VAT value is multiplied by 1.06 and rounded to 6 decimals.
 */
export function cardPriceInclVat(card: TariffCardValue): Decimal {
  const divisor = UNIT_DIVISORS[card.unit];
  if (divisor === undefined) throw new RangeError(`not a price unit: ${card.unit}`);
  const eur = cardNumber(card).dividedBy(divisor);
  return card.vatIncluded ? eur : eur.times(VAT_FACTOR).toDecimalPlaces(6, Decimal.ROUND_HALF_UP);
}

const sum = (...cards: TariffCardValue[]) => cards.reduce((total, c) => total.plus(cardPriceInclVat(c)), new D(0)).toFixed();
const sourcesOf = (...cards: TariffCardValue[]) => [...new Set(cards.map((c) => c.source))];

type FluviusElectricity = {
  energy: TariffCardValue;
  fixedFee: TariffCardValue;
  excise: TariffCardValue;
  certificates: TariffCardValue[];
  capacityPerKwYear: TariffCardValue;
  kwhTariff: TariffCardValue;
  dataManagement: TariffCardValue;
};

/**
 * Electricity on a Fluvius digital meter: the kWh tariff already includes transmission (the cards
 * say so); the capacity tariff is billed at the 2.5 kW minimum peak. Single excise rate: the
 * 2026-10 cards print one band ("Toutes consommations"). Energy contribution (0 for residential
 * since 2026-08) and Energiefonds (0,00 with domicile, VAT-exempt) add nothing.
 */
function fluviusElectricity(c: FluviusElectricity): ProductPrices {
  const capacity = cardPriceInclVat(c.capacityPerKwYear).times(cardNumber(V.fluviusMinimumPeak));
  return {
    energyPerKwh: sum(c.energy),
    networkPerKwh: sum(c.kwhTariff),
    leviesPerKwh: sum(c.excise),
    leviesAbove: null,
    surchargesPerKwh: sum(...c.certificates),
    fixedPerYear: cardPriceInclVat(c.fixedFee).plus(cardPriceInclVat(c.dataManagement)).plus(capacity).toFixed(),
    vatRatePercent: cardNumber(V.vatElectricity).toFixed(),
    sources: {
      energyPerKwh: sourcesOf(c.energy),
      networkPerKwh: sourcesOf(c.kwhTariff),
      leviesPerKwh: sourcesOf(c.excise),
      leviesAbove: [],
      surchargesPerKwh: sourcesOf(...c.certificates),
      fixedPerYear: sourcesOf(c.fixedFee, c.dataManagement, c.capacityPerKwYear, V.fluviusMinimumPeak),
      vatRatePercent: sourcesOf(V.vatElectricity, V.vatElectricityOnCard),
    },
  };
}

type Gas = {
  energy: TariffCardValue;
  fixedFee: TariffCardValue;
  exciseBase: TariffCardValue;
  exciseAbove: TariffCardValue;
  /** The DSO's T2 band (5,001-150,000 kWh a year), which a 17,000 kWh household falls in. */
  bandFixed: TariffCardValue;
  bandProportional: TariffCardValue;
  transport: TariffCardValue;
  dataManagement: TariffCardValue | null;
};

/** Gas: T2 distribution band, transport printed separately, excise in two yearly tranches. */
function gas(c: Gas): ProductPrices {
  const fixed = c.dataManagement ? [c.fixedFee, c.bandFixed, c.dataManagement] : [c.fixedFee, c.bandFixed];
  return {
    energyPerKwh: sum(c.energy),
    networkPerKwh: sum(c.bandProportional, c.transport),
    leviesPerKwh: sum(c.exciseBase),
    leviesAbove: { fromKwhPerYear: cardNumber(V.gasExciseBandLimit).toFixed(), perKwh: sum(c.exciseAbove) },
    surchargesPerKwh: '0',
    fixedPerYear: sum(...fixed),
    vatRatePercent: cardNumber(V.vatGas).toFixed(),
    sources: {
      energyPerKwh: sourcesOf(c.energy),
      networkPerKwh: sourcesOf(c.bandProportional, c.transport),
      leviesPerKwh: sourcesOf(c.exciseBase),
      leviesAbove: sourcesOf(c.exciseAbove, V.gasExciseBandLimit),
      surchargesPerKwh: [],
      fixedPerYear: sourcesOf(...fixed),
      vatRatePercent: sourcesOf(V.vatGas, V.vatGasOnCard),
    },
  };
}

/**
 * The demo tenant's catalog: real 2026-10 card values (datasets/tariffs/be-residential.json,
 * picked by scripts/generate-reference-data.mjs) under neutral product names. Energy prices are
 * the card's price for the month (not its annual estimate); welcome discounts are not applied.
 */
export const DEMO_PRODUCTS: readonly Product[] = [
  {
    code: 'EL-VAR-FL-2026-10',
    name: 'Wattbill Variable Electricity (Flanders, Fluvius Antwerpen, 2026-10)',
    energy: 'electricity',
    prices: fluviusElectricity({
      energy: V.engieElEnergy,
      fixedFee: V.engieElFixedFee,
      excise: V.engieElExcise,
      certificates: [V.engieElCertificates],
      capacityPerKwYear: V.fluviusAntwerpenElCapacity,
      kwhTariff: V.fluviusAntwerpenElKwh,
      dataManagement: V.fluviusAntwerpenElDataManagement,
    }),
    sourceNote: 'ENGIE Easy Variable electricity card, Flanders, October 2026 (ENGIE-EL-FL-2026-10-VAR), Fluvius Antwerpen digital meter.',
  },
  {
    code: 'EL-FLEX-FL-2026-10',
    name: 'Wattbill Flex Electricity (Flanders, Fluvius Imewo, 2026-10)',
    energy: 'electricity',
    prices: fluviusElectricity({
      energy: V.luminusElEnergy,
      fixedFee: V.luminusElFixedFee,
      excise: V.luminusElExcise,
      certificates: [V.luminusElGreenCertificates, V.luminusElChpCertificates],
      capacityPerKwYear: V.fluviusImewoElCapacity,
      kwhTariff: V.fluviusImewoElKwh,
      dataManagement: V.fluviusImewoElDataManagement,
    }),
    sourceNote:
      'Luminus ComfyFlex electricity card, Flanders, October 2026 (LUMINUS-EL-FL-2026-10); Fluvius Imewo network tariffs as printed on the ENGIE card of the same month (ENGIE-EL-FL-2026-10-VAR), regulated and identical on every card.',
  },
  {
    code: 'GAS-VAR-FL-2026-10',
    name: 'Wattbill Variable Gas (Flanders, Fluvius Antwerpen, 2026-10)',
    energy: 'gas',
    prices: gas({
      energy: V.engieGasEnergy,
      fixedFee: V.engieGasFixedFee,
      exciseBase: V.engieGasExciseBase,
      exciseAbove: V.engieGasExciseAbove,
      bandFixed: V.fluviusAntwerpenGasT2Fixed,
      bandProportional: V.fluviusAntwerpenGasT2Proportional,
      transport: V.fluviusGasTransport,
      dataManagement: V.fluviusAntwerpenGasDataManagement,
    }),
    sourceNote: 'ENGIE Easy Variable gas card, Flanders, October 2026 (ENGIE-GAS-FL-2026-10-VAR), Fluvius Antwerpen band T2.',
  },
  {
    code: 'GAS-FLEX-WAL-2026-10',
    name: 'Wattbill Flex Gas (Wallonia, ORES, 2026-10)',
    energy: 'gas',
    prices: gas({
      energy: V.luminusGasEnergy,
      fixedFee: V.luminusGasFixedFee,
      exciseBase: V.luminusGasExciseBase,
      exciseAbove: V.luminusGasExciseAbove,
      bandFixed: V.oresGasT2Fixed,
      bandProportional: V.oresGasT2Proportional,
      transport: V.oresGasTransport,
      // The Luminus card prints no separate data-management fee for ORES gas.
      dataManagement: null,
    }),
    sourceNote:
      'Luminus ComfyFlex gas card, Wallonia, October 2026 (LUMINUS-GAS-WAL-2026-10), ORES band T2. Left out: the VAT-exempt Walloon connection fee (0,0075 c€/kWh above the first 100 kWh), about EUR 1.28 a year at 17,000 kWh.',
  },
];
