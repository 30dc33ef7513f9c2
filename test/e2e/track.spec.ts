/**
 * Track, in Chromium against the web build and a sandbox process: the current customer's orders with
 * their provisioning status, the expiry radar across every customer, and both screens still answering
 * when Partner Center goes away.
 */
import { demoTest as test, expect } from './fixtures';

test('the Reservations screen reads every customer and shows the radar by expiry date', async ({
  shell,
  reservations,
}) => {
  test.setTimeout(120_000);
  await shell.go('reservations');
  await reservations.readEveryCustomer.click();
  await expect(reservations.age).toContainText('66 customers read', { timeout: 90_000 });
  await expect(reservations.rows.first()).toBeVisible();
  await expect(reservations.bucket('expired')).toContainText(/Expired: \d+/);

  // A reservation's detail gives the reservation order ID to take to the Azure portal.
  await reservations.open(0);
  await expect(reservations.detail).toContainText('Azure portal');
  await expect(reservations.reservationOrderId).toHaveText(/[0-9a-f-]{36}/);
});

test('orders show their provisioning status, and both screens answer offline', async ({
  demoApp,
  shell,
  steps,
  orders,
  reservations,
}) => {
  test.setTimeout(150_000);
  await steps.workFor('contoso', 'Contoso Ltd.');
  await shell.go('orders');
  await expect(orders.rows.first()).toBeVisible({ timeout: 30_000 });
  await orders.open(0);
  await expect(orders.provisioningLines.first()).toBeVisible({ timeout: 30_000 });

  await shell.go('reservations');
  await reservations.readEveryCustomer.click();
  await expect(reservations.age).toContainText('66 customers read', { timeout: 90_000 });

  // Partner Center goes away: both screens show what they read, saying so.
  demoApp.sandbox.stop();
  await shell.go('orders');
  await orders.refresh();
  await expect(orders.age).toContainText('Offline', { timeout: 60_000 });
  await expect(orders.rows.first()).toBeVisible();
  await shell.go('reservations');
  await expect(reservations.rows.first()).toBeVisible();
});
