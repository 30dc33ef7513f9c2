/** Connect: partner profiles, the profile form, sign-in and the one-click demo. */
import { expect, type Locator } from '@playwright/test';
import { pageObject, partObject } from './page-object';

/** What a new profile's form is filled with; fields left out stay as they are. */
export interface ProfileFields {
  readonly name?: string;
  readonly tenant?: string;
  readonly app?: string;
  /** Chooses "App secret (App-only)" and types this secret. */
  readonly secret?: string;
  /** The cloud as the form names it: "Global", "US Government" or "China (21Vianet)". */
  readonly cloud?: string;
}

/** A tenant ID and an app ID of the right shape, for profiles a story adds but never signs in with. */
export const SAMPLE_IDS = {
  tenant: '8f3c2a1e-5b6d-4c7e-9f80-1a2b3c4d5e6f',
  app: '0d1e2f30-4a5b-4c6d-8e7f-9a0b1c2d3e4f',
} as const satisfies ProfileFields;

/** One profile's card. Its `data-state` says where sign-in stands (signed-in, signed-out, …). */
export class ProfileCard extends partObject({
  check: 'profile-check',
  status: 'profile-status',
  error: 'profile-error',
  /** Which cloud the profile belongs to ("US Government cloud"). */
  cloud: 'profile-card-cloud',
  /** The step after signing in ("Choose a customer"), on the active profile's card. */
  next: 'profile-next',
}) {
  async signIn(): Promise<void> {
    await this.root.getByTestId('profile-sign-in').click();
  }

  async signOut(): Promise<void> {
    await this.root.getByTestId('profile-sign-out').click();
  }

  async testConnection(): Promise<void> {
    await this.root.getByTestId('profile-test').click();
  }

  /** Waits until the card shows this sign-in state. */
  async expectState(state: string, options?: { timeout?: number }): Promise<void> {
    await expect(this.root).toHaveAttribute('data-state', state, options);
  }

  /** Opens "Edit…" from the card's menu: the profile form, filled with the profile. */
  async edit(profileName: string): Promise<void> {
    await this.root.getByRole('button', { name: `More for ${profileName}` }).click();
    await this.page.getByRole('menuitem', { name: 'Edit…' }).click();
  }

  /** Opens "Remove…" from the card's menu; the answer to the question is up to `confirm`. */
  async remove(profileName: string, options: { confirm: boolean }): Promise<void> {
    await this.root.getByRole('button', { name: `More for ${profileName}` }).click();
    await this.page.getByRole('menuitem', { name: 'Remove…' }).click();
    if (options.confirm) await this.page.getByTestId('confirm-remove').click();
    else await this.page.getByRole('button', { name: 'Keep it' }).click();
  }
}

/** The add/edit profile dialog. */
export class ProfileForm extends pageObject({
  root: 'profile-form',
  name: 'profile-name',
  tenant: 'profile-tenant',
  app: 'profile-app',
  secret: 'profile-secret',
  country: 'profile-country',
  cloud: 'profile-cloud',
  saveButton: 'profile-save',
}) {
  async fill(fields: ProfileFields): Promise<void> {
    if (fields.name !== undefined) await this.name.fill(fields.name);
    if (fields.tenant !== undefined) await this.tenant.fill(fields.tenant);
    if (fields.app !== undefined) await this.app.fill(fields.app);
    if (fields.cloud !== undefined) await this.cloud.selectOption({ label: fields.cloud });
    if (fields.secret !== undefined) {
      await this.page.getByText('App secret (App-only)').click();
      await this.secret.fill(fields.secret);
    }
  }

  async save(): Promise<void> {
    await this.saveButton.click();
  }

  /** Chooses "App secret (App-only)" without typing a secret. */
  async chooseAppOnly(): Promise<void> {
    await this.page.getByText('App secret (App-only)').click();
  }

  /** The message shown under a field (its error, as a sentence). */
  messageFor(input: Locator): Locator {
    return input
      .locator('xpath=ancestor::div[contains(concat(" ", @class, " "), " fui-Field ")][1]')
      .locator('.fui-Field__validationMessage');
  }
}

export class ConnectPage extends pageObject({
  /** The card offering the built-in demo (gone once the demo profile exists). */
  demoOffer: 'demo-card',
  /** The one plain sentence shown when the OS keychain is missing. */
  keychainBanner: 'keychain-banner',
}) {
  readonly form = new ProfileForm(this.page);
  /** Every profile's card. */
  readonly profileCards = this.page.locator('[data-testid^="profile-"][data-state]');

  /** The card of the profile with this id (`demo` for the built-in demo). */
  profile(id: string): ProfileCard {
    return new ProfileCard(this.page, this.page.getByTestId(`profile-${id}`));
  }

  /** The card at this position, for profiles whose id the test does not know. */
  profileAt(index: number): ProfileCard {
    return new ProfileCard(this.page, this.profileCards.nth(index));
  }

  /** One click on "Try the demo"; resolves once the demo profile is signed in. */
  async tryDemo(): Promise<ProfileCard> {
    await this.page.getByTestId('try-demo').click();
    const demo = this.profile('demo');
    await demo.expectState('signed-in', { timeout: 45_000 });
    return demo;
  }

  /** Opens the form for a new profile and fills it (without saving). */
  async startNewProfile(fields: ProfileFields): Promise<ProfileForm> {
    await this.page.getByTestId('add-profile').click();
    await this.form.fill(fields);
    return this.form;
  }

  /** Adds a profile and waits for the form to close. */
  async addProfile(fields: ProfileFields): Promise<void> {
    const form = await this.startNewProfile(fields);
    await form.save();
    await expect(form.root).toHaveCount(0);
  }
}
