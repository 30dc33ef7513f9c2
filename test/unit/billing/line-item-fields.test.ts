/**
 * Field names from either source read as one (§14.8): case-insensitive keys, the documented renames
 * as aliases (percentages become fractions), one provider however it is spelled, unknown fields kept.
 */
import { describe, expect, it } from 'vitest';
import { csvColumns } from '../../../main/billing/csv-export';
import { needsNormalizing, normalizeProvider, normalizeRecord } from '../../../main/billing/line-item-fields';

describe('line-item fields', () => {
  it('maps PascalCase and older names onto the v1 names, turning percentages into fractions', () => {
    const record = normalizeRecord({
      CustomerName: 'Contoso',
      RESERVATIONORDERID: 'r-1',
      Total: 10.5,
      Tier2MpnId: '123',
      Unit: 'Hours',
      PartnerEarnedCreditPercentage: 15,
      CreditPercentage: '100',
      attributes: { objectType: 'OneTimeInvoiceLineItem' },
      SomethingNew: 'kept',
    });
    expect(record).toEqual({
      customerName: 'Contoso',
      reservationOrderId: 'r-1',
      totalForCustomer: 10.5,
      resellerMpnId: '123',
      unitOfMeasure: 'Hours',
      rateOfPartnerEarnedCredit: 0.15,
      rateOfCredit: 1,
      SomethingNew: 'kept',
    });
  });

  it('keeps the newer name when both spellings came', () => {
    expect(normalizeRecord({ totalForCustomer: 5, Total: 5 })).toEqual({ totalForCustomer: 5 });
  });

  it('reads onetime, one_time and OneTime as one provider', () => {
    for (const spelling of ['onetime', 'one_time', 'OneTime', 'ONE-TIME']) {
      expect(normalizeProvider(spelling)).toBe('one_time');
      expect(normalizeRecord({ BillingProvider: spelling })).toEqual({ billingProvider: 'one_time' });
    }
    expect(normalizeProvider('Azure')).toBe('azure');
  });

  it('says a record needs normalizing exactly when normalizing would change it', () => {
    const samples: Array<Record<string, unknown>> = [
      { customerName: 'Contoso', totalForCustomer: 1, billingProvider: 'one_time', SomethingNew: 'kept' },
      { CustomerName: 'Contoso' },
      { Total: 1 },
      { billingProvider: 'OneTime' },
      { attributes: { objectType: 'OneTimeInvoiceLineItem' } },
      { billingProvider: 'azure' },
    ];
    for (const sample of samples) {
      expect(needsNormalizing(sample)).toBe(
        JSON.stringify(normalizeRecord(sample)) !== JSON.stringify(sample),
      );
    }
  });

  it('lists known columns in their usual order, then the others as first seen', () => {
    expect(csvColumns(['zeta', 'customerName', 'invoiceNumber', 'alpha'])).toEqual([
      'invoiceNumber',
      'customerName',
      'zeta',
      'alpha',
    ]);
  });
});
