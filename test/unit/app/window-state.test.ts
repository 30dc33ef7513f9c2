import { describe, expect, it } from 'vitest';
import { boundsToRestore, DEFAULT_SIZE, MIN_SIZE } from '../../../main/app/window-state';
import { menuTemplate } from '../../../main/app/menu';

const laptop = [{ x: 0, y: 0, width: 1440, height: 900 }];

describe('window state', () => {
  it('opens at the default size the first time', () => {
    expect(boundsToRestore(undefined, laptop)).toEqual(DEFAULT_SIZE);
  });

  it('puts the window back where it was when a display still shows it', () => {
    expect(boundsToRestore({ x: 100, y: 80, width: 1200, height: 700 }, laptop)).toEqual({
      x: 100,
      y: 80,
      width: 1200,
      height: 700,
    });
  });

  it('keeps the size but lets the OS place it when its monitor is gone', () => {
    const onUnpluggedMonitor = { x: 2000, y: 100, width: 1200, height: 700 };
    expect(boundsToRestore(onUnpluggedMonitor, laptop)).toEqual({ width: 1200, height: 700 });
  });

  it('never restores a window smaller than the minimum or with broken numbers', () => {
    expect(boundsToRestore({ x: 0, y: 0, width: 10, height: 10 }, laptop)).toMatchObject(MIN_SIZE);
    expect(boundsToRestore({ x: Number.NaN, y: 0, width: 1000, height: 700 }, laptop)).toEqual(DEFAULT_SIZE);
  });
});

describe('application menu', () => {
  it('has the app menu on macOS only, and the usual menus everywhere', () => {
    const mac = menuTemplate('darwin', 'Reservation Desk', { packaged: true });
    const linux = menuTemplate('linux', 'Reservation Desk', { packaged: true });
    expect(mac[0]).toMatchObject({ role: 'appMenu', label: 'Reservation Desk' });
    expect(linux.some((item) => item.role === 'appMenu')).toBe(false);
    for (const template of [mac, linux]) {
      expect(template.map((item) => item.role ?? item.label)).toEqual(
        expect.arrayContaining(['fileMenu', 'editMenu', 'View', 'windowMenu']),
      );
    }
  });

  it('offers DevTools in development builds only', () => {
    const roles = (packaged: boolean) =>
      menuTemplate('linux', 'Reservation Desk', { packaged }).flatMap((item) =>
        Array.isArray(item.submenu) ? item.submenu.map((entry) => entry.role) : [],
      );
    expect(roles(false)).toContain('toggleDevTools');
    expect(roles(true)).not.toContain('toggleDevTools');
  });
});
