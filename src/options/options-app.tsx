/**
 * The options page: automatic detection, how sure a shown match must be, highlights and their
 * style, the sites where Crosscheck is off, and what the bundled corpus is (including that its
 * reports echo one source).
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { ReportMeta } from '../core/types';
import { BROWSER } from '../shared/build-flags';
import { t, type MessageKey } from '../shared/i18n';
import type { CorpusInfo, Result } from '../shared/messages';
import {
  HIGHLIGHT_STYLES,
  MATCH_CHANCES,
  withSiteDisabled,
  type HighlightStyle,
  type MatchChance,
  type Settings,
} from '../shared/settings';
import type { OptionsClient } from './client';
import { CorpusSearchView } from './corpus-search-view';
import { LibrarySection } from './library-section';
import { webHref } from '../shared/web-href';

const STYLE_KEYS: Record<HighlightStyle, MessageKey> = {
  marker: 'optionsStyleMarker',
  underline: 'optionsStyleUnderline',
};

const CHANCE_KEYS: Record<MatchChance, MessageKey> = {
  0.5: 'optionsChance50',
  0.7: 'optionsChance70',
  0.85: 'optionsChance85',
};

/** A group of radio buttons, one per value, the chosen one checked. */
function Choices<T extends string | number>(props: {
  legend: string;
  name: string;
  values: readonly T[];
  chosen: T;
  describedBy?: string;
  label: (value: T) => ComponentChildren;
  onChoose: (value: T) => void;
}) {
  return (
    <fieldset class="styles" aria-describedby={props.describedBy}>
      <legend>{props.legend}</legend>
      {props.values.map((value) => (
        <label key={value} class="check">
          <input
            type="radio"
            name={props.name}
            value={String(value)}
            checked={props.chosen === value}
            onChange={() => props.onChoose(value)}
          />
          {props.label(value)}
        </label>
      ))}
    </fieldset>
  );
}

function Report({ meta }: { meta: ReportMeta }) {
  const href = webHref(meta.url);
  const title = meta.title ?? t('optionsAboutUntitled');
  return (
    <li class="report-item">
      <div class="report-outlet">{meta.outlet}</div>
      <div>
        {href ? (
          <a href={href} target="_blank" rel="noopener noreferrer">
            {title}
            <span class="sr-only"> {t('reportOpensInNewTab')}</span>
          </a>
        ) : (
          title
        )}
      </div>
      <div class="hint">{t('optionsAboutPublished', meta.published)}</div>
    </li>
  );
}

function About({
  corpus,
  search,
}: {
  corpus: Result<CorpusInfo> | null;
  search: OptionsClient['searchCorpus'];
}) {
  if (corpus === null) return <p class="hint">{t('optionsAboutLoading')}</p>;
  if (!corpus.ok) {
    return (
      <div role="alert" class="status-error">
        <p>{t('popupErrorCorpus')}</p>
        <p class="details">{t('popupErrorDetails', corpus.error)}</p>
      </div>
    );
  }
  const { story, reports, echo } = corpus.value;
  return (
    <>
      {story && <p>{t('optionsAboutStory', story)}</p>}
      {echo && (
        <aside class="echo" aria-labelledby="echo-title">
          <h3 id="echo-title" class="echo-title">
            {t('reportEchoTitle')}
          </h3>
          <p>{t('reportEchoBody', [String(echo.reports), echo.origin])}</p>
        </aside>
      )}
      <ul class="reports">
        {reports.map((meta) => (
          <Report key={meta.id} meta={meta} />
        ))}
      </ul>
      <CorpusSearchView search={search} />
    </>
  );
}

/** The options page's root. */
export function OptionsApp({ client }: { client: OptionsClient }) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [corpus, setCorpus] = useState<Result<CorpusInfo> | null>(null);
  const [shortcut, setShortcut] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    document.title = t('optionsTitle');
    void client.settings().then(setSettings);
    void client.corpus().then(setCorpus);
    void client.shortcut().then(setShortcut);
    return client.watchSettings(setSettings);
  }, [client]);

  useEffect(() => {
    if (!saved) return;
    const timer = setTimeout(() => setSaved(false), 2_000);
    return () => clearTimeout(timer);
  }, [saved]);

  const change = (update: (current: Settings) => Settings) => {
    void client.updateSettings(update).then((next) => {
      setSettings(next);
      setSaved(true);
    });
  };

  return (
    <div class="options">
      <header class="bar">
        <img class="logo" src="icons/icon-32.png" width={24} height={24} alt="" />
        <h1>{t('optionsTitle')}</h1>
        <span class="saved" role="status">
          {saved ? t('optionsSaved') : ''}
        </span>
      </header>

      <main>
        {settings && (
          <>
            <section aria-labelledby="checking-title">
              <h2 id="checking-title">{t('optionsCheckingHeading')}</h2>
              <label class="check">
                <input
                  type="checkbox"
                  checked={settings.autoDetect}
                  aria-describedby="auto-hint"
                  onChange={(event) => {
                    const on = event.currentTarget.checked;
                    change((s) => ({ ...s, autoDetect: on }));
                  }}
                />
                <span>{t('optionsAutoDetect')}</span>
              </label>
              <p id="auto-hint" class="hint indent">
                {t('optionsAutoDetectHint')}
              </p>
              <Choices
                legend={t('optionsChance')}
                name="min-chance"
                values={MATCH_CHANCES}
                chosen={settings.minChance}
                describedBy="chance-hint"
                label={(chance) => <span>{t(CHANCE_KEYS[chance])}</span>}
                onChoose={(chance) => change((s) => ({ ...s, minChance: chance }))}
              />
              <p id="chance-hint" class="hint">
                {t('optionsChanceHint')}
              </p>
              <HiddenMatches
                count={settings.hiddenMatches.length}
                onShowAll={() => change((s) => ({ ...s, hiddenMatches: [] }))}
              />
            </section>

            <section aria-labelledby="highlights-title">
              <h2 id="highlights-title">{t('optionsHighlightsHeading')}</h2>
              <label class="check">
                <input
                  type="checkbox"
                  checked={settings.highlights}
                  onChange={(event) => {
                    const on = event.currentTarget.checked;
                    change((s) => ({ ...s, highlights: on }));
                  }}
                />
                <span>{t('optionsHighlights')}</span>
              </label>
              <Choices
                legend={t('optionsStyle')}
                name="highlight-style"
                values={HIGHLIGHT_STYLES}
                chosen={settings.highlightStyle}
                label={(style) => (
                  <span class={`sample sample-${style}`}>{t(STYLE_KEYS[style])}</span>
                )}
                onChoose={(style) => change((s) => ({ ...s, highlightStyle: style }))}
              />
              <p class="hint">
                {t('optionsShortcut', shortcut ?? t('optionsShortcutNone'))}{' '}
                {BROWSER === 'firefox'
                  ? t('optionsShortcutFirefoxHint')
                  : t('optionsShortcutChromeHint')}
              </p>
            </section>

            <section aria-labelledby="sites-title">
              <h2 id="sites-title">{t('optionsSitesHeading')}</h2>
              {settings.disabledSites.length === 0 ? (
                <p class="hint">{t('optionsSitesEmpty')}</p>
              ) : (
                <ul class="sites">
                  {settings.disabledSites.map((site) => (
                    <li key={site} class="site">
                      <span>{site}</span>
                      <button
                        type="button"
                        class="button"
                        aria-label={t('optionsSiteRemoveLabel', site)}
                        onClick={() => change((s) => withSiteDisabled(s, site, false))}
                      >
                        {t('optionsSiteRemove')}
                      </button>
                    </li>
                  ))}
                </ul>
              )}
            </section>

            <LibrarySection settings={settings} change={change} client={client} />
          </>
        )}

        <section aria-labelledby="check-any-title">
          <h2 id="check-any-title">{t('optionsCheckHeading')}</h2>
          <p>{t('optionsCheckBody')}</p>
          <p>
            <a class="button" href="check.html">
              {t('checkTitle')}
            </a>
          </p>
        </section>

        <section aria-labelledby="about-title">
          <h2 id="about-title">{t('optionsAboutHeading')}</h2>
          <p>{t('optionsAboutIntro')}</p>
          <About corpus={corpus} search={client.searchCorpus} />
        </section>
      </main>
    </div>
  );
}

/** How many matches the reader marked "not the same claim", and the way to show them all again. */
function HiddenMatches({ count, onShowAll }: { count: number; onShowAll: () => void }) {
  if (count === 0) return <p class="hint hidden-matches">{t('optionsHiddenNone')}</p>;
  return (
    <p class="hidden-matches">
      {count === 1 ? t('optionsHiddenOne') : t('optionsHiddenMany', String(count))}{' '}
      <button type="button" class="button" onClick={onShowAll}>
        {t('optionsHiddenShow')}
      </button>
    </p>
  );
}
