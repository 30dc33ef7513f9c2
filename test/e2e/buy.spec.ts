/**
 * The purchase journey in Chromium at 1366×768, against the web build and a sandbox process (small
 * catalog): register a subscription, add two SKUs and a savings plan, fix a line error, review the
 * prices, confirm (with a double click, which buys once), see the orders; and offline, the cart is kept
 * and checkout says why it waits.
 */
import { generateCatalog, skuKey } from '../../main/sandbox/data/catalog';
import { DEMO_SEED } from '../../main/connect/embedded-sandbox';
import { expect, openDemoAgainstSandboxProcess, test, type AppShell } from './fixtures';
import { AddToCartPanel } from './pages/add-to-cart-panel';
import { CartPage } from './pages/cart-page';
import { RegistrationsPanel } from './pages/registrations-panel';

test.use({ viewport: { width: 1366, height: 768 } });

/** A SKU of the small demo catalog that is out of inventory in its region: its cart line gets an error. */
function outOfStockSku() {
  const catalog = generateCatalog(DEMO_SEED, 'small');
  for (const [key, regions] of catalog.restrictedRegions) {
    const sku = catalog.skusByKey.get(key)!;
    if (regions.includes(sku.dynamicAttributes.armRegionName.toLowerCase())) {
      return { sku, key: skuKey(sku.productId, sku.id) };
    }
  }
  throw new Error('The small demo catalog has no out-of-stock SKU');
}

async function chooseCustomer(shell: AppShell, name: string) {
  const { page } = shell;
  await shell.go('customers');
  await page.getByTestId('customers-filter').fill(name);
  await page.getByTestId('customer-row').filter({ hasText: name }).getByTestId('customer-choose').click();
  await expect(page.getByTestId('current-customer-name')).toHaveText(`You work for ${name}`);
}

/** Opens the first catalog row matching the text (and term), and returns its Add-to-cart panel. */
async function openSku(shell: AppShell, text: string, term?: string) {
  const { page } = shell;
  await page.getByTestId('catalog-search').fill(text);
  const rows = page.getByTestId('catalog-row');
  const row = term ? rows.filter({ hasText: term }).first() : rows.first();
  await expect(row).toBeVisible({ timeout: 30_000 });
  await row.click();
  const panel = new AddToCartPanel(page);
  await expect(panel.root).toBeVisible({ timeout: 30_000 });
  return panel;
}

test('register, fill the cart, fix a line, review prices and buy once with a double click', async ({
  page,
  shell,
}) => {
  test.setTimeout(240_000);
  const { sandbox, child } = await openDemoAgainstSandboxProcess(page, shell, 'desk-e2e-buy-');
  const confirms: string[] = [];
  page.on('websocket', (socket) =>
    socket.on('framesent', (frame) => {
      if (typeof frame.payload === 'string' && frame.payload.includes('"checkout.confirm"')) {
        confirms.push(frame.payload);
      }
    }),
  );
  try {
    // Enable: Northwind's Azure plan is not registered yet; registering it is watched until done.
    await chooseCustomer(shell, 'Northwind Traders GmbH');
    const registrations = new RegistrationsPanel(page);
    await expect(registrations.status('Azure plan')).toHaveText('Not registered', { timeout: 30_000 });
    await expect(registrations.row('Azure plan')).toContainText('Buys from the Azure plan catalog');
    await registrations.register('Azure plan');
    await expect(registrations.row('Azure plan').getByTestId('registration-age')).toContainText('just now');

    // Two SKUs from the catalog; the quantity is checked as it is typed.
    await shell.go('catalog');
    await expect(page.getByTestId('catalog-synced-at')).toBeVisible({ timeout: 90_000 });
    const first = await openSku(shell, 'd2s');
    await first.quantity().fill('0');
    await expect(first.root.getByText('Buy at least 1.')).toBeVisible();
    await expect(first.root.getByTestId('add-to-cart-submit')).toBeDisabled();
    await first.quantity().fill('2.5');
    await expect(first.root.getByText(/whole units/)).toBeVisible();
    await first.add(2);
    const cart = new CartPage(page);
    await expect(cart.navCount()).toHaveText('1');

    // The second one is out of stock in its region: Partner Center will say so on its line.
    const { sku } = outOfStockSku();
    const term = sku.term === 'P3Y' ? '3 years' : '1 year';
    const second = await openSku(
      shell,
      `${sku.dynamicAttributes.armSkuName} ${sku.dynamicAttributes.armRegionName}`,
      term,
    );
    await second.add(1);
    await expect(cart.navCount()).toHaveText('2');

    // A savings plan, from the cart.
    await shell.go('cart');
    await cart.addSavingsPlan('0.5');
    await expect(cart.lines()).toHaveCount(3);
    await expect(cart.navCount()).toHaveText('3');

    // Review: the out-of-stock line says so in plain words, with the action that fixes it.
    await cart.review();
    const problem = cart.problems().first();
    await expect(problem).toBeVisible();
    await expect(problem).not.toContainText(/\b100\d\d\b/); // words, not a CartErrorCode
    const fix = problem.getByTestId('cart-line-fix');
    await expect(fix).toBeVisible();
    // Out of stock here: the fix offered is to find another SKU or remove the line; either way it leaves.
    const badLine = cart.lines().filter({ has: problem });
    await badLine.getByTestId('cart-line-remove').click();
    await expect(cart.lines()).toHaveCount(2);

    // Review again: prices per line, the total in the customer's currency, what cannot be undone.
    const review = await cart.review();
    await expect(cart.problems()).toHaveCount(0);
    await expect(review.getByTestId('review-line')).toHaveCount(2);
    for (const price of await review.getByTestId('review-line-price').all()) {
      await expect(price).toHaveText(/\d/);
    }
    await expect(review.getByTestId('review-total')).toHaveText(/^Total commitment: /);
    await expect(review.getByTestId('review-irreversible')).not.toBeEmpty();

    // Nothing buys until the box is ticked; Enter on the focused checkbox does not buy either.
    await expect(cart.confirmButton()).toBeDisabled();
    await review.getByTestId('review-understood').focus();
    await page.keyboard.press('Enter');
    await expect(cart.result()).toHaveCount(0);
    await cart.tickUnderstood();
    await expect(cart.confirmButton()).toBeEnabled();
    await cart.confirmButton().dblclick();

    // Bought once: one confirm sent, the orders shown with ids and status, the cart empty.
    await expect(cart.result()).toHaveAttribute('data-state', 'ordered', { timeout: 60_000 });
    await expect(cart.result().getByTestId('checkout-order').first()).toContainText(/Order \S+: \w+/);
    expect(confirms).toHaveLength(1);
    await expect(cart.root.getByTestId('cart-empty')).toBeVisible();
    await expect(cart.navCount()).toHaveCount(0);
  } finally {
    child.kill('SIGTERM');
    sandbox.stop();
  }
});

test('offline, the cart is kept and checkout explains why it waits', async ({ page, shell }) => {
  test.setTimeout(180_000);
  const { sandbox, child } = await openDemoAgainstSandboxProcess(page, shell, 'desk-e2e-buy-offline-');
  try {
    // Contoso's Azure plan is registered already.
    await chooseCustomer(shell, 'Contoso Ltd.');
    await expect(new RegistrationsPanel(page).status('Azure plan')).toHaveText('Registered', {
      timeout: 30_000,
    });
    await shell.go('catalog');
    await expect(page.getByTestId('catalog-synced-at')).toBeVisible({ timeout: 90_000 });
    await (await openSku(shell, 'd2s')).add(3);

    // Partner Center goes away: the draft is still there after a reload, and so is the status.
    sandbox.stop();
    await page.reload();
    await expect(page.getByTestId('app-ready')).toBeVisible();
    const cart = new CartPage(page);
    await shell.go('cart');
    await expect(cart.lines()).toHaveCount(1);
    await expect(cart.lines().first()).toContainText('3 ×');
    await cart.root.getByTestId('cart-review-start').click();
    await expect(cart.root.getByTestId('cart-offline')).toContainText(
      'Checkout needs a connection; your cart is saved.',
      { timeout: 60_000 },
    );
    await expect(cart.lines()).toHaveCount(1);

    await shell.go('customers');
    await expect(page.getByTestId('registrations-offline')).toBeVisible({ timeout: 60_000 });
    await expect(new RegistrationsPanel(page).status('Azure plan')).toHaveText('Registered');
  } finally {
    child.kill('SIGTERM');
    sandbox.stop();
  }
});
