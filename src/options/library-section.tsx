/**
 * The options page's section on the reader's library: the switch that keeps the articles they
 * read (off until they turn it on; turning it on asks the browser to keep the storage safe), the
 * sites never kept, and the way to the library page.
 */
import { useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import { siteKey, withSiteExcluded, type Settings } from '../shared/settings';
import type { OptionsClient } from './client';

/** Props of LibrarySection. */
export interface LibrarySectionProps {
  settings: Settings;
  change: (update: (current: Settings) => Settings) => void;
  client: OptionsClient;
}

/** The library section. */
export function LibrarySection({ settings, change, client }: LibrarySectionProps) {
  const [persisted, setPersisted] = useState<boolean | null>(null);
  const [site, setSite] = useState('');
  const [invalid, setInvalid] = useState(false);

  const addSite = (event: Event) => {
    event.preventDefault();
    const key = siteKey(site.replace(/^\w+:\/\//, '').replace(/\/.*$/, ''));
    if (key === null) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    setSite('');
    change((s) => withSiteExcluded(s, key, true));
  };

  return (
    <section aria-labelledby="library-title">
      <h2 id="library-title">{t('optionsLibraryHeading')}</h2>
      <label class="check">
        <input
          type="checkbox"
          checked={settings.keepArticles}
          aria-describedby="keep-hint"
          onChange={(event) => {
            const on = event.currentTarget.checked;
            change((s) => ({ ...s, keepArticles: on }));
            // Asked once the reader chose to keep articles: their library is worth protecting.
            if (on) void client.requestPersist().then(setPersisted);
          }}
        />
        <span>{t('optionsKeepArticles')}</span>
      </label>
      <p id="keep-hint" class="hint indent">
        {t('optionsKeepHint')}
      </p>
      {persisted !== null && (
        <p class="hint indent" role="status">
          {persisted ? t('optionsPersistGranted') : t('optionsPersistDenied')}
        </p>
      )}
      <p class="indent">
        <a href="library.html" target="_blank">
          {t('optionsLibraryOpen')}
        </a>
      </p>

      <h3>{t('optionsExcludedHeading')}</h3>
      {settings.keepExcludedSites.length === 0 ? (
        <p class="hint">{t('optionsExcludedEmpty')}</p>
      ) : (
        <ul class="sites">
          {settings.keepExcludedSites.map((excluded) => (
            <li key={excluded} class="site">
              <span>{excluded}</span>
              <button
                type="button"
                class="button"
                aria-label={t('optionsExcludedRemoveLabel', excluded)}
                onClick={() => change((s) => withSiteExcluded(s, excluded, false))}
              >
                {t('optionsSiteRemove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="add-site" onSubmit={addSite}>
        <label for="exclude-site">{t('optionsExcludedLabel')}</label>
        <input
          id="exclude-site"
          type="text"
          inputMode="url"
          autoComplete="off"
          spellcheck={false}
          value={site}
          aria-invalid={invalid}
          aria-describedby={invalid ? 'exclude-invalid' : undefined}
          onInput={(event) => setSite(event.currentTarget.value)}
        />
        <button type="submit" class="button">
          {t('optionsExcludedAdd')}
        </button>
        {invalid && (
          <p id="exclude-invalid" class="field-error" role="alert">
            {t('optionsExcludedInvalid')}
          </p>
        )}
      </form>
    </section>
  );
}
