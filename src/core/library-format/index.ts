/**
 * The reader's library as files: the article record, the JSON Lines export and import, and the
 * compiled corpus file. Pure: the command line and the extension share it.
 */
export {
  articleKeyUrl,
  hostOf,
  isoDate,
  MAX_ARTICLE_TEXT,
  parseArticle,
  type LibraryArticle,
} from './article';
export { exportJsonLines, exportLine, readJsonLines, type ImportLine } from './jsonl';
export {
  articleMeta,
  CORPUS_FILE_EXTENSION,
  CORPUS_FILE_MAGIC,
  CORPUS_FILE_VERSION,
  isCorpusFile,
  readCorpusFile,
  writeCorpusFile,
  type CorpusFile,
} from './corpus-file';
