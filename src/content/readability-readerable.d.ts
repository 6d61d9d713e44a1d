// The package's typings cover only its root module; detection imports the small readerable check
// by itself so the content script does not carry the whole of Readability before it is needed.
declare module '@mozilla/readability/Readability-readerable.js' {
  import type { isProbablyReaderable as Check } from '@mozilla/readability';
  const isProbablyReaderable: typeof Check;
  export = isProbablyReaderable;
}
