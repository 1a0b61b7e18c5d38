/**
 * Layout that is still being fitted (a box stepping its font size down, timeline labels waiting for the font):
 * counted on the page, so the PDF export prints only once every slide has settled (window.__deckBusy is 0).
 */
type Counted = Window & { __deckBusy?: number };

export function busy(): () => void {
  if (typeof window === "undefined") return () => {};
  const w = window as Counted;
  w.__deckBusy = (w.__deckBusy ?? 0) + 1;
  let done = false;
  return () => {
    if (done) return;
    done = true;
    w.__deckBusy = Math.max(0, (w.__deckBusy ?? 1) - 1);
  };
}
