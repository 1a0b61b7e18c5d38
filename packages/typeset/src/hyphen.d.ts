// hyphen ships no types; only the synchronous German hyphenator is used.
declare module "hyphen/de/index.js" {
  const de: { hyphenateSync: (text: string, options?: { hyphenChar?: string; minWordLength?: number }) => string };
  export default de;
}
