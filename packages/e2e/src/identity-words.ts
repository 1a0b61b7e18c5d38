/**
 * What names a concept's owner and nothing else: its city (also without a title such as „Stadt“), its
 * organisation's full name and its portal's host. Used to show that no output of one concept carries another's
 * identity; what else a concept says (titles, occasions, generic words like „Verwaltung“ or „Fortbildung“) may
 * appear in any concept. One definition with the scan of the code (packages/concept/test/concept-words.ts).
 */
export { identityWords } from "../../concept/test/concept-words.js";
