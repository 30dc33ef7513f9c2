/**
 * Buying, as a user does it, in Chromium at 1366×768 against the web build and a sandbox process
 * (small catalog): register a subscription, add two SKUs and a savings plan, fix a line error, review
 * the prices, confirm (a double click buys once), see the orders; offline, the cart is kept and checkout
 * says why it waits.
 */
import { DEMO_SEED } from '../../main/connect/embedded-sandbox';
import { generateCatalog } from '../../main/sandbox/data/catalog';
import { demoTest as test, expect } from './fixtures';

test.use({ viewport: { width: 1366, height: 768 } });

/** A SKU of the small demo catalog that is out of stock in its region: Partner Center refuses its line. */
function outOfStockSku() {
  const catalog = generateCatalog(DEMO_SEED, 'small');
  for (const [key, regions] of catalog.restrictedRegions) {
    const sku = catalog.skusByKey.get(key);
    if (sku && regions.includes(sku.dynamicAttributes.armRegionName.toLowerCase())) {
      return {
        skuId: sku.id,
        armSkuName: sku.dynamicAttributes.armSkuName,
        search: `${sku.dynamicAttributes.armSkuName} ${sku.dynamicAttributes.armRegionName}`,
      };
    }
  }
  throw new Error('The small demo catalog has no out-of-stock SKU');
}

test('register a subscription, fill the cart, fix a line, review the prices and buy once', async ({
  page,
  shell,
  steps,
  registrations,
  catalog,
  addToCart,
  cart,
  orders,
}) => {
  test.setTimeout(300_000);
  const confirms: string[] = [];
  page.on('websocket', (socket) =>
    socket.on('framesent', (frame) => {
      if (typeof frame.payload === 'string' && frame.payload.includes('"checkout.confirm"')) {
        confirms.push(frame.payload);
      }
    }),
  );
  await shell.reload(); // a new bridge connection, so every call it sends is seen

  // Enable: Northwind's Azure plan is not registered yet; registering it is watched until done.
  await steps.workFor('northwind', 'Northwind Traders GmbH');
  await expect(registrations.status('Azure plan')).toHaveText('Not registered', { timeout: 30_000 });
  await expect(registrations.row('Azure plan')).toContainText('Buys from the Azure plan catalog');
  await registrations.register('Azure plan');
  await expect(registrations.age('Azure plan')).toContainText('just now');

  // A first SKU; the quantity is checked as it is typed, in plain words.
  await steps.openFirstSku('d2s', /D2s/i);
  await addToCart.quantity.fill('0');
  await expect(addToCart.message('Buy at least 1.')).toBeVisible();
  await expect(addToCart.submit).toBeDisabled();
  await addToCart.quantity.fill('2.5');
  await expect(addToCart.message(/whole units/)).toBeVisible();
  await addToCart.add(2);
  await expect(cart.navCount).toHaveText('1');

  // A second SKU, out of stock in its region: Partner Center will say so on its line.
  const outOfStock = outOfStockSku();
  await catalog.toggleNeedsInventoryCheck();
  await catalog.searchFor(outOfStock.search);
  await expect(catalog.cell(catalog.rows.first(), 1)).toHaveText(outOfStock.armSkuName);
  // Same size and region may come in several products and terms: open rows until its id shows.
  for (let row = 0; ; row++) {
    await catalog.openRow(row);
    if ((await catalog.panel.skuId.textContent()) === outOfStock.skuId) break;
  }
  await addToCart.add(1);
  await expect(cart.navCount).toHaveText('2');

  // A savings plan, from the cart.
  await shell.go('cart');
  await cart.addSavingsPlan('0.5');
  await expect(cart.lines).toHaveCount(3);
  await expect(cart.navCount).toHaveText('3');

  // Review: the out-of-stock line says so in words, with the action that fixes it; removing it fixes it.
  await cart.startReview();
  const problem = cart.problems.first();
  await expect(problem).toBeVisible();
  await expect(problem).not.toContainText(/\b100\d\d\b/);
  await expect(problem).toContainText(/inventory|stock|available/i);
  await expect(cart.fixButton(problem)).toHaveText('Find another SKU');
  await cart.removeLine(cart.lineWithProblem());
  await expect(cart.lines).toHaveCount(2);

  // Review again: each line's price, the total in the customer's currency, what cannot be undone.
  await cart.startReview();
  await expect(cart.problems).toHaveCount(0);
  await expect(cart.review.lines).toHaveCount(2);
  for (const price of await cart.review.prices.all()) await expect(price).toHaveText(/\d/);
  await expect(cart.review.total).toHaveText(/^Total commitment: /);
  await expect(cart.review.irreversible).not.toBeEmpty();

  // Nothing buys before the box is ticked, and Enter on the focused box does not buy either.
  await expect(cart.review.buyButton).toBeDisabled();
  await cart.review.understood.focus();
  await page.keyboard.press('Enter');
  await expect(cart.result).toHaveCount(0);
  await cart.review.understood.check();
  await cart.review.buyButton.dblclick();

  // Bought once: one confirm sent; the orders with their ids and status; the cart is empty again.
  await expect(cart.result).toHaveAttribute('data-state', 'ordered', { timeout: 60_000 });
  await expect(cart.orders.first()).toHaveText(/^Order \S+: \w+/);
  expect(confirms).toHaveLength(1);
  await expect(cart.empty).toBeVisible();
  await expect(cart.navCount).toHaveCount(0);

  // The order is on the Orders screen at once, watched until Partner Center completes it; its detail
  // shows the provisioning status of its lines. (The "Just placed" mark, shown while Partner Center's
  // list lags, is covered in test/integration/track/orders.test.ts: the sandbox lists orders at once.)
  const placed = /^Order (\S+):/.exec((await cart.orders.first().textContent()) ?? '')?.[1];
  expect(placed).toBeDefined();
  await shell.go('orders');
  const row = orders.row(placed!);
  await expect(row).toBeVisible({ timeout: 30_000 });
  await expect(row).toContainText(/pending|completed/i);
  await expect(row).toContainText(/completed/i, { timeout: 90_000 });
  await orders.openRow(row);
  await expect(orders.provisioningLines.first()).toBeVisible({ timeout: 30_000 });
});

test('offline, the cart is kept and checkout says why it waits', async ({
  demoApp,
  shell,
  steps,
  registrations,
  addToCart,
  cart,
}) => {
  test.setTimeout(180_000);
  // Contoso's Azure plan is registered already: a line goes straight in.
  await steps.workFor('contoso', 'Contoso Ltd.');
  await expect(registrations.status('Azure plan')).toHaveText('Registered', { timeout: 30_000 });
  await steps.openFirstSku('d2s', /D2s/i);
  await addToCart.add(3);

  // Partner Center goes away: after a reload the draft is still there, and checkout explains itself.
  demoApp.sandbox.stop();
  await shell.reload();
  await shell.go('cart');
  await expect(cart.lines).toHaveCount(1);
  await expect(cart.lines.first()).toContainText('3 ×');
  await cart.startReview();
  await expect(cart.offline).toHaveText(/Checkout needs a connection; your cart is saved\./);
  await expect(cart.lines).toHaveCount(1);

  // The registration status is still shown, from the cache, saying how old it is.
  await shell.go('customers');
  await expect(registrations.offline).toBeVisible({ timeout: 60_000 });
  await expect(registrations.status('Azure plan')).toHaveText('Registered');
  await expect(registrations.age('Azure plan')).toBeVisible();
});
