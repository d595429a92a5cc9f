import { expect, it } from 'vitest';
import type { Me, Role } from '../../web/api/types.js';
import { ADMIN, apiJson, BASIC_ADMIN, currentOrgId, logIn, saveScreenshot, useBrowser } from './browser.js';
import { findContract, isSkippableMissing } from './demo-data.js';

const newPage = useBrowser();

const ROLE_NAME = 'Read-only + skip';
const ORGANIZATION = 'Wattbill Energie Vlaanderen';

it('an Admin copies a role, adds a user with it, and the invited user can do exactly what the role allows', async () => {
  const admin = await newPage();
  await logIn(admin, ADMIN);
  const me = await apiJson<Me>(admin, 'GET', '/me');
  const organization = me.organizations.find((o) => o.name === ORGANIZATION);
  const otherOrganization = me.organizations.find((o) => o.name !== ORGANIZATION);
  if (!organization || !otherOrganization) throw new Error(`the admin should have access to ${ORGANIZATION} and another organization`);

  // Copy the built-in Read-only role and allow skipping advance periods.
  await admin.getByRole('link', { name: 'Roles' }).click();
  await admin.waitForURL('**/#/roles');
  const readOnlyRow = admin.getByTestId('role-row').filter({ has: admin.getByText('Read-only', { exact: true }) });
  await readOnlyRow.waitFor();
  expect(await readOnlyRow.getByText('Built-in').count()).toBe(1);
  expect(await readOnlyRow.getByRole('button', { name: 'Edit' }).getAttribute('aria-disabled')).toBe('true');
  expect(await readOnlyRow.getByRole('button', { name: 'Delete' }).getAttribute('aria-disabled')).toBe('true');
  await readOnlyRow.getByRole('button', { name: 'Edit' }).hover();
  await admin.getByText("Built-in roles can't be edited or deleted.", { exact: false }).waitFor();
  await saveScreenshot(admin, 'roles');

  await readOnlyRow.getByRole('button', { name: 'Copy' }).click();
  const editor = admin.getByRole('dialog', { name: 'Copy role: Read-only' });
  const name = editor.getByRole('textbox', { name: 'Name' });
  expect(await name.inputValue()).toBe('Copy of Read-only');
  await name.fill(ROLE_NAME);
  const skip = editor.getByRole('checkbox', { name: 'Advance periods: Skip' });
  expect(await skip.isChecked()).toBe(false);
  await skip.check();
  // Read-only reads users and roles too; this role is for billing work only, so it gets no Administration.
  await editor.getByRole('checkbox', { name: 'Users: visible' }).setChecked(false);
  await editor.getByRole('checkbox', { name: 'Roles: visible' }).setChecked(false);
  expect(await editor.getByRole('checkbox', { name: 'Users: Read' }).count()).toBe(0);
  await saveScreenshot(admin, 'role-permission-matrix');
  await editor.getByRole('button', { name: 'Save' }).click();
  await admin.getByRole('dialog').waitFor({ state: 'detached' });
  const copiedRow = admin.getByTestId('role-row').filter({ has: admin.getByText(ROLE_NAME, { exact: true }) });
  await copiedRow.waitFor();
  expect(await copiedRow.getByText('Built-in').count()).toBe(0);
  expect(await copiedRow.getByRole('button', { name: 'Edit' }).getAttribute('aria-disabled')).toBeNull();

  // Add a user with that role in one organization and no access to the other.
  await admin.getByRole('link', { name: 'Users' }).click();
  await admin.waitForURL('**/#/users');
  await admin.getByTestId('user-row').first().waitFor();
  await admin.getByRole('button', { name: 'Add user' }).click();
  const addUser = admin.getByRole('dialog', { name: 'Add user' });
  const email = `invited.${Date.now()}@demo.example`;
  await addUser.getByRole('textbox', { name: 'Name' }).fill('Invited Biller');
  await addUser.getByRole('textbox', { name: 'Email' }).fill(email);
  await addUser.getByRole('combobox', { name: ORGANIZATION }).click();
  await admin.getByRole('option', { name: ROLE_NAME }).click();
  expect(await addUser.getByRole('combobox', { name: otherOrganization.name }).inputValue()).toBe('No access');
  await addUser.getByRole('button', { name: 'Add user' }).click();

  const added = admin.getByRole('dialog', { name: 'User added' });
  const link = added.getByRole('textbox', { name: 'Invitation link' });
  await link.waitFor();
  const invitationUrl = await link.inputValue();
  expect(invitationUrl).toMatch(/#\/invitation\/.+/);
  await saveScreenshot(admin, 'add-user-invitation-link');
  await added.getByRole('button', { name: 'Close' }).last().click();
  await admin.getByRole('dialog').waitFor({ state: 'detached' });

  const userRow = admin.getByTestId('user-row').filter({ hasText: email });
  await userRow.waitFor();
  expect(await userRow.locator(`[data-organization-id="${organization.id}"]`).textContent()).toBe(ROLE_NAME);
  expect(await userRow.locator(`[data-organization-id="${otherOrganization.id}"]`).textContent()).toBe('No access');
  expect(await userRow.getByText('Invitation pending').count()).toBe(1);
  await saveScreenshot(admin, 'users');

  // The invited user, in another browser, chooses a password and is signed in.
  const invited = await newPage();
  await invited.goto(invitationUrl);
  await invited.getByLabel('New password').fill('short');
  await invited.getByLabel('Repeat the password').fill('short');
  await invited.getByRole('button', { name: 'Set password and log in' }).click();
  await invited.getByText('At least 10 characters.').waitFor();
  await invited.getByLabel('New password').fill('a-long-enough-password');
  await invited.getByLabel('Repeat the password').fill('a-long-enough-password');
  await saveScreenshot(invited, 'invitation');
  await invited.getByRole('button', { name: 'Set password and log in' }).click();
  await invited.waitForURL(/#\/orgs\/[^/]+\/contracts$/);
  expect(currentOrgId(invited)).toBe(organization.id);
  expect(await invited.getByTestId('current-role').textContent()).toBe(ROLE_NAME);
  await invited.getByRole('link', { name: 'Contracts' }).waitFor();
  expect(await invited.getByText('Administration').count()).toBe(0);
  expect(await invited.getByRole('link', { name: 'Users' }).count()).toBe(0);

  // The role allows skipping a missing advance period...
  const { contract, advancePeriods } = await findContract(invited, organization.id, (periods) => periods.some(isSkippableMissing));
  const skippable = advancePeriods.find(isSkippableMissing)!;
  await invited.goto(`/#/orgs/${organization.id}/contracts/${contract.id}/billing-analysis`);
  const row = invited.locator(`[data-advance-period-id="${skippable.id}"]`);
  await row.getByTestId('missing-badge').waitFor();
  await row.hover();
  await row.getByRole('button', { name: 'Skip advance period' }).click();
  const dialog = invited.getByRole('dialog', { name: 'Skip advance period' });
  await dialog.getByRole('button', { name: 'Skip', exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
  await expect.poll(() => row.getAttribute('data-status')).toBe('skipped');

  // ...but not the users.
  await invited.goto('/#/users');
  await invited.getByText('Your role in this organization does not give access to this page.').waitFor();
  expect(await invited.getByTestId('user-row').count()).toBe(0);
  await saveScreenshot(invited, 'invited-users-refused');
});

it('shows a tenant on the basic plan only the built-in roles, and says custom roles are not in its plan', async () => {
  const page = await newPage();
  await logIn(page, BASIC_ADMIN);
  await page.getByRole('link', { name: 'Roles' }).click();
  await page.getByText('Custom roles are not included in your plan; contact your Wattbill provider to upgrade.').waitFor();
  await expect.poll(() => page.getByTestId('role-row').count()).toBe(3);
  expect(await page.getByRole('button', { name: 'Add role' }).count()).toBe(0);
  expect(await page.getByRole('button', { name: 'Copy' }).count()).toBe(0);
  await saveScreenshot(page, 'roles-basic-plan');
});

it("an Admin changes a user's role, and the Audit log shows who changed it from what to what", async () => {
  const admin = await newPage();
  await logIn(admin, ADMIN);
  const me = await apiJson<Me>(admin, 'GET', '/me');
  const organization = me.organizations.find((o) => o.name === ORGANIZATION);
  if (!organization) throw new Error(`the admin should have access to ${ORGANIZATION}`);
  const roles = await apiJson<{ items: Role[] }>(admin, 'GET', '/roles');
  const viewerRole = roles.items.find((r) => r.name === 'Read-only');
  if (!viewerRole) throw new Error('the built-in Read-only role should exist');
  const email = `audited.${Date.now()}@demo.example`;
  await apiJson(admin, 'POST', '/users', {
    email,
    name: 'Audited User',
    memberships: [{ organizationId: organization.id, roleId: viewerRole.id }],
  });

  await admin.getByRole('link', { name: 'Users' }).click();
  await admin.waitForURL('**/#/users');
  const userRow = admin.getByTestId('user-row').filter({ hasText: email });
  await userRow.getByRole('button', { name: 'Audited User' }).click();
  const edit = admin.getByRole('dialog', { name: 'Edit role: Audited User' });
  await edit.getByRole('combobox', { name: ORGANIZATION }).click();
  await admin.getByRole('option', { name: 'Admin', exact: true }).click();
  await edit.getByRole('button', { name: 'Save' }).click();
  await admin.getByRole('dialog').waitFor({ state: 'detached' });
  await expect.poll(() => userRow.locator(`[data-organization-id="${organization.id}"]`).textContent()).toBe('Admin');

  await admin.getByRole('link', { name: 'Audit log' }).click();
  await admin.waitForURL('**/#/audit-log');
  const entry = admin.getByTestId('audit-row').filter({ hasText: 'Audited User' }).filter({ hasText: 'User · access changed' });
  await entry.first().waitFor();
  // Newest first: the role change comes before the creation of the user.
  expect(await admin.getByTestId('audit-row').first().textContent()).toContain('access changed');
  expect(await entry.first().getByRole('cell').nth(1).textContent()).toBe(me.user.name);
  expect(await entry.first().getByTestId('audit-change').textContent()).toBe(`${ORGANIZATION}: Read-only → Admin`);
  expect(await entry.first().getByRole('cell').first().textContent()).toMatch(/^\d{2}\/\d{2}\/\d{4}/);
  await saveScreenshot(admin, 'audit-log');
});
