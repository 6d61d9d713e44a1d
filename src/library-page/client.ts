/**
 * What the library page needs from the extension, behind one interface so the page renders in
 * tests with a stub. It reads the library's records from IndexedDB itself (a list of thousands
 * of articles and an export need not travel through messages); every change goes through the
 * background, which owns the library and its index.
 */
import { exportLine, type LibraryArticle } from '../core/library-format';
import { articleOf } from '../library/library';
import type { ArticleRecord } from '../library/schema';
import { LibraryStore } from '../library/store';
import { toBase64 } from '../shared/base64';
import type { Api } from '../shared/browser-api';
import { sendToBackground, type ImportAnswer, type Result } from '../shared/messages';
import { readImportFile, type ChosenFile, type ImportItem } from './read-files';

/** Storage used and allowed, and whether the browser keeps it when the disk runs low. */
export interface StorageFacts {
  usage: number | null;
  quota: number | null;
  persisted: boolean | null;
}

/** The library page's window onto the extension. */
export interface LibraryClient {
  /** Every kept article's record (no texts). */
  articles(): Promise<ArticleRecord[]>;
  /** The whole library in the export format, one line per article. */
  exportLines(): Promise<string[]>;
  storage(): Promise<StorageFacts>;
  forget(ids: number[]): Promise<Result<null>>;
  clear(): Promise<Result<null>>;
  /** Sends a batch of articles to the library. */
  importArticles(articles: LibraryArticle[]): Promise<Result<ImportAnswer>>;
  /** Sends a compiled corpus file to the library. */
  importCorpus(bytes: Uint8Array): Promise<Result<ImportAnswer>>;
  /** Reads the files the reader chose. */
  readFiles(files: readonly ChosenFile[]): ImportItem[];
  /** Offers text to the reader as a download. */
  save(name: string, parts: string[], type: string): void;
  /** Calls back when the library may have changed elsewhere; returns an unsubscribe. */
  onChange(listener: () => void): () => void;
  /** Whether the reader confirms deleting everything. */
  confirm(message: string): boolean;
}

/** The client over the real extension APIs. */
export function extensionLibraryClient(api: Api): LibraryClient {
  const store = new LibraryStore();
  return {
    async articles() {
      return store.articles();
    },
    async exportLines() {
      const lines: string[] = [];
      await store.forEachArticle((record, text) =>
        lines.push(`${exportLine(articleOf(record, text))}\n`),
      );
      return lines;
    },
    async storage() {
      const facts: StorageFacts = { usage: null, quota: null, persisted: null };
      try {
        const estimate = await navigator.storage.estimate();
        facts.usage = estimate.usage ?? null;
        facts.quota = estimate.quota ?? null;
        facts.persisted = await navigator.storage.persisted();
      } catch {
        // The browser does not say: the page says so.
      }
      return facts;
    },
    forget: (ids) => sendToBackground(api, 'library-forget', { ids }),
    clear: () => sendToBackground(api, 'library-clear', {}),
    importArticles: (articles) =>
      sendToBackground(api, 'library-import', {
        articles: articles as unknown as Record<string, unknown>[],
      }),
    importCorpus: (bytes) =>
      sendToBackground(api, 'library-import-corpus', { data: toBase64(bytes) }),
    readFiles(files) {
      const parser = new DOMParser();
      const now = new Date().toISOString();
      return files.map((file) =>
        readImportFile(file, (html) => parser.parseFromString(html, 'text/html'), now),
      );
    },
    save(name, parts, type) {
      const url = URL.createObjectURL(new Blob(parts, { type }));
      const link = document.createElement('a');
      link.href = url;
      link.download = name;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    },
    onChange(listener) {
      const onFocus = () => listener();
      window.addEventListener('focus', onFocus);
      return () => window.removeEventListener('focus', onFocus);
    },
    confirm: (message) => window.confirm(message),
  };
}
