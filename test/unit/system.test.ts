import { describe, expect, it } from 'vitest';
import { marketName, reservationsSoldIn, unavailableMarkets } from '../../main/markets';
import { defaultDataDir } from '../../main/system/data-dir';

describe('default data folder', () => {
  it('follows each OS’s convention', () => {
    expect(defaultDataDir('Reservation Desk', 'linux', {}, '/home/ana')).toBe(
      '/home/ana/.config/Reservation Desk',
    );
    expect(defaultDataDir('Reservation Desk', 'linux', { XDG_CONFIG_HOME: '/x' }, '/home/ana')).toBe(
      '/x/Reservation Desk',
    );
    expect(defaultDataDir('Reservation Desk', 'darwin', {}, '/Users/ana')).toBe(
      '/Users/ana/Library/Application Support/Reservation Desk',
    );
    expect(
      defaultDataDir(
        'Reservation Desk',
        'win32',
        { APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' },
        'C:\\Users\\ana',
      ),
    ).toBe('C:\\Users\\ana\\AppData\\Roaming\\Reservation Desk');
  });
});

describe('markets', () => {
  it('knows where reservations are not sold, in any letter case', () => {
    expect(reservationsSoldIn('BR')).toBe(false);
    expect(reservationsSoldIn('cn')).toBe(false);
    expect(reservationsSoldIn('US')).toBe(true);
    expect(reservationsSoldIn('DE')).toBe(true);
    expect(unavailableMarkets().length).toBeGreaterThan(100);
  });

  it('names markets in English, including Partner Center’s own codes', () => {
    expect(marketName('de')).toBe('Germany');
    expect(marketName('XS')).toBe('Saba');
  });
});
