/** The variant's data beside index.html in every built site: the only file that holds the content's text. */
export const DATA_FILE = "deck-data.json";
