/**
 * The toolbar button per tab: the badge counts the page's sentences that other outlets also
 * reported; the icon and title say when matches were found, when the page is not a news
 * article, when the site is turned off, and when something went wrong.
 */
import type { Api } from '../shared/browser-api';
import { t } from '../shared/i18n';
import { chancePercent } from '../shared/match-chance';
import type { TabState } from '../shared/messages';

/** The icon variants in assets/icons. */
export type IconLook = 'default' | 'matches' | 'muted';

/** What the toolbar button shows for a tab. */
export interface BadgeLook {
  text: string;
  color: string;
  icon: IconLook;
  title: string;
}

// Deep violet: readable white digits in light and dark toolbars, distinct from browser reds.
const MATCH_COLOR = '#5b21b6';
const ERROR_COLOR = '#b91c1c';
const ICON_SIZES = [16, 32, 48, 128] as const;
// The badge has room for about four characters.
const MAX_BADGE_COUNT = 999;

/** The badge, icon and title for a tab's state (null: nothing known yet). */
export function badgeFor(state: TabState | null): BadgeLook {
  const plain = { text: '', color: MATCH_COLOR };
  if (state === null) return { ...plain, icon: 'default', title: t('extName') };
  switch (state.status) {
    case 'ready': {
      const matched = state.report?.summary.matched ?? 0;
      if (matched === 0) return { ...plain, icon: 'default', title: t('badgeTitleNone') };
      return {
        text: matched > MAX_BADGE_COUNT ? `${MAX_BADGE_COUNT}+` : String(matched),
        color: MATCH_COLOR,
        icon: 'matches',
        title:
          state.report?.minChance === undefined
            ? t('badgeTitleMatches', String(matched))
            : t('badgeTitleMatchesStrict', [
                String(matched),
                String(chancePercent(state.report.minChance)),
              ]),
      };
    }
    case 'not-article':
      return { ...plain, icon: 'muted', title: t('badgeTitleNotArticle') };
    case 'no-text':
      return { ...plain, icon: 'muted', title: t('badgeTitleNoText') };
    case 'disabled':
      return { ...plain, icon: 'muted', title: t('badgeTitleDisabled') };
    case 'auto-off':
      return { ...plain, icon: 'default', title: t('badgeTitleAutoOff') };
    case 'error':
      return { text: '!', color: ERROR_COLOR, icon: 'muted', title: t('badgeTitleError') };
  }
}

/** The icon paths of a look, for action.setIcon. */
export function iconPaths(look: IconLook): Record<string, string> {
  const prefix = look === 'default' ? 'icon' : `icon-${look}`;
  return Object.fromEntries(
    ICON_SIZES.map((size) => [String(size), `icons/${prefix}-${size}.png`]),
  );
}

/** Shows a tab's state on the toolbar button. A closed tab is not an error. */
export async function showBadge(api: Api, tabId: number, state: TabState | null): Promise<void> {
  const look = badgeFor(state);
  try {
    await Promise.all([
      api.action.setBadgeText({ tabId, text: look.text }),
      api.action.setBadgeBackgroundColor({ tabId, color: look.color }),
      api.action.setTitle({ tabId, title: look.title }),
      api.action.setIcon({ tabId, path: iconPaths(look.icon) }),
    ]);
  } catch {
    // The tab closed or navigated away meanwhile; its next state sets the button again.
  }
}
