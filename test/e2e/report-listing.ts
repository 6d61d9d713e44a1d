/**
 * A report as the reader sees it, in a form to compare with the engine's: the outlets listed
 * (with their links), then claim by claim each outlet's wording (with its link and the chance that
 * it is the same claim). Read from the popup, the full report or the check page, which all show
 * the same report view.
 */
import type { ArticleReport } from '../../src/core/types';
import { chancePercent } from '../../src/shared/match-chance';
import { engine } from './expected';
import { textKey, waitForElement, type TestPage } from './harness';

/** The outlets and claims of a report, texts compared by textKey. */
export interface Listing {
  outlets: { outlet: string; href: string | null }[];
  claims: {
    sentence: string;
    /** `chance`: the chip reading the match's score as the chance of the same claim. */
    matches: { outlet: string; text: string; href: string | null; chance: string }[];
  }[];
}

/** What a page showing the report view lists (it waits for the first claim). */
export async function shownListing(page: TestPage): Promise<Listing> {
  await waitForElement(page, '.claim');
  const listing = await page.evaluate(() => {
    // Visible text only: screen-reader-only additions are left out.
    const text = (el: Element | null) => {
      if (!el) return '';
      const clone = el.cloneNode(true) as Element;
      clone.querySelectorAll('.sr-only').forEach((n) => n.remove());
      return (clone.textContent ?? '').replace(/\s+/g, ' ').trim();
    };
    return {
      outlets: [...document.querySelectorAll('.outlet a')].map((a) => ({
        outlet: text(a),
        href: a.getAttribute('href'),
      })),
      claims: [...document.querySelectorAll('.claim')].map((claim) => ({
        sentence: text(claim.querySelector('.claim-sentence')),
        matches: [...claim.querySelectorAll('.match')].map((match) => ({
          outlet: text(match.querySelector('.match-outlet')),
          text: text(match.querySelector('.match-text')),
          href: match.querySelector('a')?.getAttribute('href') ?? null,
          chance: text(match.querySelector('.chance')),
        })),
      })),
    };
  });
  return {
    outlets: listing.outlets,
    claims: listing.claims.map((c) => ({
      sentence: textKey(c.sentence),
      matches: c.matches.map((m) => ({ ...m, text: textKey(m.text) })),
    })),
  };
}

/** What the report view should list for an engine report. */
export function listingOf(report: Pick<ArticleReport, 'sentences' | 'summary'>): Listing {
  const urlOf = (id: string) => engine().reports.find((r) => r.id === id)?.url ?? null;
  return {
    outlets: report.summary.outlets
      .filter((o) => o.sentences > 0)
      .map((o) => ({ outlet: o.outlet, href: urlOf(o.report) })),
    claims: report.sentences
      .filter((s) => s.matches.length > 0)
      .map((s) => ({
        sentence: textKey(s.text),
        matches: s.matches.map((m) => ({
          outlet: m.outlet,
          text: textKey(m.text),
          href: urlOf(m.report),
          chance: shownChance(m.score),
        })),
      })),
  };
}

/** The chip a match of this score shows (the English messages the browser tests run with). */
export function shownChance(score: number): string {
  return `${chancePercent(score)}% same claim`;
}
