import { chromium, type Browser } from 'playwright-core';
import { Api, waitUntil } from '@telehealth/testing';
import { newPatient } from '../support/actors';
import { SlotDealer, THREE_SEAT_DOCTOR, book, freeSlots } from '../scheduling/booking-support';
import { paymentOf } from './wallet-support';

/** Debian's chromium, installed by `npm run infra:up -- --tests`; CHROMIUM_PATH names another. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

describe('The sandbox checkout page, as a person uses it: open the checkoutUrl in a browser and press Pay', () => {
  let browser: Browser;
  let slots: SlotDealer;

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    slots = new SlotDealer((await freeSlots(THREE_SEAT_DOCTOR)).filter((s) => s.mode !== 'ONLINE'));
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  /** A new patient's CARD booking, and the checkout link the API gave for it. */
  async function cardBooking() {
    const p = await newPatient();
    const slot = slots.take();
    const booked = await book(p, slot);
    expect(booked.status).toBe(201);
    let url: string | null = null;
    await waitUntil(async () => !!(url = (await paymentOf(p, booked.body.id)).checkoutUrl), 'the checkout link');
    return { p, appointmentId: booked.body.id as string, url: url!, fee: slot.fee };
  }

  const status = async (p: Awaited<ReturnType<typeof newPatient>>, id: string) =>
    (await p.api.get(`/v1/appointments/${id}`, { token: p.token })).body.status as string;

  it('shows the amount, and Pay confirms the booking', async () => {
    const { p, appointmentId, url, fee } = await cardBooking();
    const page = await browser.newPage();
    const opened = await page.goto(url);
    expect(opened?.status()).toBe(200);
    const shown = fee.amountMinor / 100;
    expect(await page.textContent('#amount')).toContain(fee.currency);
    expect((await page.textContent('#amount'))?.replace(/[^\d.]/g, '')).toBe(shown.toFixed(2));

    await page.getByRole('button', { name: /^Pay / }).click();
    await page.waitForSelector('#result');
    expect(await page.textContent('#result')).toContain('accepted');
    await page.close();
    await waitUntil(async () => ['CONFIRMED', 'PENDING_CONFIRMATION'].includes(await status(p, appointmentId)), 'paid');
  });

  it('Decline fails the payment; the link without its key, or with another, is 404', async () => {
    const { p, appointmentId, url } = await cardBooking();
    const bare = url.split('?')[0];
    expect((await new Api().get(bare.slice(bare.indexOf('/v1/')))).status).toBe(404);
    expect(
      (await new Api().get(`${bare.slice(bare.indexOf('/v1/'))}?key=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`)).status,
    ).toBe(404);

    const page = await browser.newPage();
    await page.goto(url);
    await page.getByRole('button', { name: 'Decline' }).click();
    await page.waitForSelector('#result');
    expect(await page.textContent('#result')).toContain('declined');
    // The page, opened again, says it is settled and offers no buttons.
    await waitUntil(async () => (await paymentOf(p, appointmentId)).status !== 'PENDING', 'the declined payment');
    await page.goto(url);
    expect(await page.locator('button').count()).toBe(0);
    await page.close();
    await waitUntil(async () => (await status(p, appointmentId)) === 'CANCELLED', 'the unpaid booking cancelled');
  });
});
