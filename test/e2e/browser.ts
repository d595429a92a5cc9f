import { join } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { RESULTS_DIR } from './paths.js';

export type DemoUser = { email: string; password: string };

export const ADMIN: DemoUser = { email: 'admin@demo.example', password: 'demo-admin' };
export const VIEWER: DemoUser = { email: 'viewer@demo.example', password: 'demo-viewer' };
/** The Admin of "Basic Power", a tenant on the basic plan (no custom roles). */
export const BASIC_ADMIN: DemoUser = { email: 'admin@basic.example', password: 'demo-admin' };

function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/**
 * One headless Chromium per test file, closed after it. Answers a function that opens a fresh
 * page of the app under test.
 */
export function useBrowser(): () => Promise<Page> {
  const baseUrl = inject('baseUrl');
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => openPage(browser!, baseUrl);
}

/** A fresh browser context (no session cookie) at a desktop size, in Belgian time. */
async function openPage(browser: Browser, baseUrl: string): Promise<Page> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: { width: 1440, height: 900 },
    locale: 'en-BE',
    timezoneId: 'Europe/Brussels',
  });
  context.setDefaultTimeout(15_000);
  return context.newPage();
}

/** Logs in through the form and waits for the first page of the back office. */
export async function logIn(page: Page, user: DemoUser): Promise<void> {
  await page.goto('/#/login');
  await page.getByRole('textbox', { name: 'Email', exact: true }).fill(user.email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL(/#\/orgs\/[^/]+\/contracts$/);
}

/** Switches the interface language with the header's switch; the choice is kept in this context's storage. */
export async function switchLanguage(page: Page, language: 'EN' | 'FR' | 'NL'): Promise<void> {
  await page.getByRole('radiogroup').getByText(language, { exact: true }).click();
  await page.waitForFunction((lang) => document.documentElement.lang === lang, language.toLowerCase());
}

/** The organization in the address, e.g. `#/orgs/<id>/contracts`. */
export function currentOrgId(page: Page): string {
  const match = /#\/orgs\/([^/]+)/.exec(page.url());
  if (!match?.[1]) throw new Error(`no organization in ${page.url()}`);
  return decodeURIComponent(match[1]);
}

/** Calls the API with the page's session cookie, as a second user in another tab would. */
export async function apiJson<T>(page: Page, method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const response = await page.request.fetch(`/api/v1${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    data: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok()) throw new Error(`${method} ${path} -> ${response.status()} ${await response.text()}`);
  return (await response.json()) as T;
}

/** Where an element ends on the right, to check that it stays inside another one. */
export function rightEdge(locator: Locator): Promise<number> {
  return locator.evaluate((element) => element.getBoundingClientRect().right);
}

/** What the user sees (the viewport), so fixed elements such as the action bar sit where they really are. */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(RESULTS_DIR, `${name}.png`) });
}
