import { describe, expect, it } from 'vitest';
import { TARIFF_SOURCES, type TariffCardValue } from './generated/tariff-card-values.js';
import { cardNumber, cardPriceInclVat, DEMO_PRODUCTS } from './demo-products.js';

const card = (value: string, unit: string, vatIncluded: boolean): TariffCardValue => ({
  value,
  unit,
  vatIncluded,
  source: 'TEST',
  what: 'test',
});

describe('card values', () => {
  it('reads the Belgian decimal comma exactly', () => {
    expect(cardNumber(card('49,40', 'EUR/kW/year', false)).toFixed()).toBe('49.4');
    expect(cardNumber(card('12000', 'kWh/year', false)).toFixed()).toBe('12000');
    expect(() => cardNumber(card('3.500', 'kWh/year', false))).toThrow(RangeError);
  });

  it('converts c€/kWh and €/MWh to EUR/kWh without rounding', () => {
    // 5,35329 c€/kWh / 100 = 0.0535329 EUR/kWh; 10,31 €/MWh / 1000 = 0.01031 EUR/kWh
    expect(cardPriceInclVat(card('5,35329', 'EURcent/kWh', true)).toFixed()).toBe('0.0535329');
    expect(cardPriceInclVat(card('10,31', 'EUR/MWh', true)).toFixed()).toBe('0.01031');
  });

  it('adds 6 % VAT to an excl.-VAT value and rounds to 6 decimals', () => {
    // 0,04600 EUR/kWh x 1.06 = 0.04876 (the incl.-VAT excise the cards print)
    expect(cardPriceInclVat(card('0,04600', 'EUR/kWh', false)).toFixed()).toBe('0.04876');
    // 10,31 EUR/MWh = 0.01031 x 1.06 = 0.0109286 -> 0.010929
    expect(cardPriceInclVat(card('10,31', 'EUR/MWh', false)).toFixed()).toBe('0.010929');
    // 49,40 EUR/kW/year x 1.06 = 52.364 (the card prints 52,3679 from the unrounded tariff)
    expect(cardPriceInclVat(card('49,40', 'EUR/kW/year', false)).toFixed()).toBe('52.364');
  });

  it('refuses a unit that is not a price', () => {
    expect(() => cardPriceInclVat(card('2,5', 'kW', true))).toThrow(RangeError);
  });
});

describe('DEMO_PRODUCTS', () => {
  it('has four products with stable codes and neutral names', () => {
    expect(DEMO_PRODUCTS.map((p) => [p.code, p.energy])).toEqual([
      ['EL-VAR-FL-2026-10', 'electricity'],
      ['EL-FLEX-FL-2026-10', 'electricity'],
      ['GAS-VAR-FL-2026-10', 'gas'],
      ['GAS-FLEX-WAL-2026-10', 'gas'],
    ]);
    for (const p of DEMO_PRODUCTS) expect(p.name).toMatch(/^Wattbill /);
  });

  it('takes the ENGIE Easy Variable Antwerpen numbers as printed', () => {
    const prices = DEMO_PRODUCTS[0]!.prices;
    // 23,725 / 5,35329 / 4,87600 / 1,582 c€/kWh; 65,00 + 18,92 + 52,3679 x 2,5 EUR/year
    expect([prices.energyPerKwh, prices.networkPerKwh, prices.leviesPerKwh, prices.surchargesPerKwh, prices.fixedPerYear]).toEqual([
      '0.23725',
      '0.0535329',
      '0.04876',
      '0.01582',
      '214.83975',
    ]);
    expect(prices.leviesAbove).toBeNull();
    expect(prices.vatRatePercent).toBe('6');
  });

  it('bands the gas excise at 12,000 kWh with the card rates', () => {
    // ENGIE 1,09286 / 1,18296 c€/kWh; Luminus 1,0929 / 1,1830
    expect(DEMO_PRODUCTS[2]!.prices.leviesPerKwh).toBe('0.0109286');
    expect(DEMO_PRODUCTS[2]!.prices.leviesAbove).toEqual({ fromKwhPerYear: '12000', perKwh: '0.0118296' });
    expect(DEMO_PRODUCTS[3]!.prices.leviesAbove).toEqual({ fromKwhPerYear: '12000', perKwh: '0.01183' });
    // ORES T2 2,21 + transport 0,1654 c€/kWh
    expect(DEMO_PRODUCTS[3]!.prices.networkPerKwh).toBe('0.023754');
  });

  it('cites a known source for every non-zero component', () => {
    for (const p of DEMO_PRODUCTS) {
      const { sources, ...values } = p.prices;
      for (const [component, value] of Object.entries(values)) {
        const cited = sources[component as keyof typeof sources];
        if (value !== null && value !== '0') expect(cited.length, `${p.code} ${component}`).toBeGreaterThan(0);
        for (const id of cited) expect(TARIFF_SOURCES[id], id).toBeDefined();
      }
    }
  });
});
