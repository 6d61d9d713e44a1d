// Pages that change the ground the extension stands on. One overwrites, before anything else runs,
// every built-in its own scripts can reach that a content script might use (Array.prototype.map,
// JSON.parse, fetch, CSS, Highlight, Node.prototype.appendChild, addEventListener, setTimeout...),
// each a trap that throws and leaves a trace. Others are served with strict Content-Security-
// Policies (`default-src 'none'`, styles included; plus Trusted Types; plus `sandbox`). On all of
// them the extension must still check the page, highlight visibly, set the badge and show its
// hover card, without a single error in the page.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { badgeOf, highlightVisibility, screenshot, waitForTabState, type Session } from './harness';
import {
  hoverCardLook,
  hoverCardOverflow,
  hoverHighlight,
  openHostilePage,
  probe,
  probeHighlights,
  startHostileSession,
} from './hostile-support';

/** Least share of a highlighted sentence's pixels the highlight must change to count as visible. */
const MIN_VISIBLE_SHARE = 0.2;

let session: Session;

beforeAll(async () => {
  session = await startHostileSession();
});

afterAll(async () => {
  await session?.close();
});

/** Opens a page and checks that the extension did its whole job there. */
async function expectWorking(host: string, pagePath: string, shot: string) {
  const { page, tabId, errors } = await openHostilePage(session, host, pagePath);
  const state = await waitForTabState(session, page, tabId, (s) => s.status === 'ready');
  const matched = state.report!.sentences.filter((s) => s.matches.length > 0);
  expect(matched.length).toBeGreaterThan(0);

  // Every matched sentence highlighted, in the page's own document.
  await expect.poll(async () => (await probeHighlights(session, page)).length).toBe(matched.length);
  const ranges = await probeHighlights(session, page);
  expect(ranges.every((r) => r.inDocument)).toBe(true);
  expect((await badgeOf(session, tabId)).text).toBe(String(state.report!.summary.matched));

  // The hover card opens, styled (its stylesheet applied: opaque background, fixed position).
  expect(await hoverHighlight(session, page)).not.toBeNull();
  await expect.poll(() => hoverCardLook(session, page), { timeout: 5_000 }).not.toBeNull();
  const look = (await hoverCardLook(session, page))!;
  expect(look.position).toBe('fixed');
  expect(look.background).not.toMatch(/^(transparent|rgba\(0, 0, 0, 0\))$/);
  expect(look.width).toBeGreaterThan(100);
  expect(await hoverCardOverflow(session, page)).toBe(0);
  await screenshot(page, `${shot}-hover-card`);
  await page.mouse.move(5, 5);
  await page.keyboard.press('Escape');
  return { page, tabId, state, errors };
}

test('a page that overwrote its built-ins: the extension works and the traps never fire', async () => {
  const { page, errors } = await expectWorking('builtins.test', '/', 'hostile-builtins');
  // The traps were set (the page replaced CSS in its own world)...
  const pageWorld = await probe(
    session,
    page,
    () => ({
      css: (window.CSS as unknown as { highlights: unknown }).highlights === null,
      map: String(Array.prototype.map).includes('hostile page'),
    }),
    null,
    { world: 'page' },
  );
  expect(pageWorld).toEqual({ css: true, map: true });
  // ...and nothing ever called one: no attribute left by a trap, no error thrown into the page.
  expect(
    await probe(session, page, () => document.documentElement.getAttribute('data-trapped')),
  ).toBeNull();
  expect(errors).toEqual([]);
  await page.close();
});

describe.each([
  ['default-src none', '/strict.html'],
  ['default-src none with Trusted Types required', '/trusted-types.html'],
  ['default-src none in a sandbox', '/sandbox.html'],
])('a page served with a strict policy (%s)', (_name, pagePath) => {
  test('is checked, highlighted visibly and shows a styled hover card, without errors', async () => {
    const shot = `hostile-csp${pagePath.replace(/\W+/g, '-').replace(/-html$/, '')}`;
    const { page, errors } = await expectWorking('csp.test', pagePath, shot);
    // Errors so far are the extension's doing (the check below causes one on purpose).
    const extensionErrors = [...errors];
    // The policy really is in force: an inline style the page adds does not apply.
    expect(
      await page.evaluate(() => {
        const style = document.createElement('style');
        style.textContent = ':root { --inline-style-probe: applied; }';
        document.head.append(style);
        const value = getComputedStyle(document.documentElement).getPropertyValue(
          '--inline-style-probe',
        );
        style.remove();
        return value.trim() || 'blocked';
      }),
    ).toBe('blocked');
    const names = [...new Set((await probeHighlights(session, page)).map((r) => r.name))];
    for (const name of names) {
      expect(await highlightVisibility(session, page, name)).toBeGreaterThan(MIN_VISIBLE_SHARE);
    }
    await screenshot(page, shot);
    expect(extensionErrors).toEqual([]);
    await page.close();
  });
});
