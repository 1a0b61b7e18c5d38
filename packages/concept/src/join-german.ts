/** „a“, „a und b“, „a, b und c“ (or „oder“): a list joined the German way, for the outputs and the messages. */
export function joinGerman(items: readonly string[], conjunction: "und" | "oder" = "und"): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} ${conjunction} ${items[items.length - 1]}`;
}
