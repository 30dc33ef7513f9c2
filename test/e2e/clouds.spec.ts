/**
 * A profile's cloud on the Connect screen at 1366×768: Global unless the user picks US Government or
 * China (21Vianet), shown on the profile's card, and kept when the profile is edited.
 */
import { expect, test } from './fixtures';
import { SAMPLE_IDS } from './pages/connect-page';

test.use({ viewport: { width: 1366, height: 768 } });

test('a US Government profile: chosen in the form, named on its card, kept when edited', async ({
  webApp,
  shell,
  connect,
}) => {
  await shell.open(webApp.url);
  // The form offers the clouds, Global first and chosen.
  const form = await connect.startNewProfile({ name: 'Contoso Federal', ...SAMPLE_IDS });
  await expect(form.cloud).toHaveValue('global');
  await form.fill({ cloud: 'US Government' });
  await expect(form.saveButton).toBeInViewport();
  await form.save();
  await expect(form.root).toHaveCount(0);

  // Its card says which cloud it signs in to.
  const card = connect.profileAt(0);
  await expect(card.cloud).toHaveText('US Government cloud');
  await card.expectState('signed-out');

  // Editing it shows the cloud it has.
  await card.edit('Contoso Federal');
  await expect(form.cloud).toHaveValue('usgov');
  await form.fill({ cloud: 'China (21Vianet)' });
  await form.save();
  await expect(form.root).toHaveCount(0);
  await expect(card.cloud).toHaveText('China (21Vianet) cloud');
});

test('a profile left as it is belongs to the Global cloud, and the form still says what is wrong', async ({
  webApp,
  shell,
  connect,
}) => {
  await shell.open(webApp.url);
  const form = await connect.startNewProfile({
    name: 'Contoso CSP',
    tenant: 'not-a-guid',
    app: SAMPLE_IDS.app,
  });
  await form.save();
  await expect(form.root).toContainText('Tenant ID must be a GUID');
  await expect(form.cloud).toHaveValue('global');
  await form.fill({ tenant: SAMPLE_IDS.tenant });
  await form.save();
  await expect(form.root).toHaveCount(0);
  await expect(connect.profileAt(0).cloud).toHaveText('Global cloud');
});
