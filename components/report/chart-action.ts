/**
 * The slot a page fills to act on a day of the time series (Explore: "Add milestone here"). The report
 * panel only reads; whatever writes lives with the page that passes the slot, so a read-only page's
 * JavaScript carries none of it.
 */
import type { ReactNode } from "react";

export type ChartPick = {
  /** The bucket as the chart keys it (`2024-05-06`, `2024-05`, `2024-05-06 13:00:00`). */
  bucket: string;
  /** The calendar day it starts on, `YYYY-MM-DD` in the site's calendar. */
  date: string;
  /** The bucket as a reader sees it: `Mon, May 6, 2024`. */
  label: string;
};

export type ChartActionContext = {
  /** The bucket clicked last on the chart; null before a click (or after `clearPick`). */
  picked: ChartPick | null;
  /** The day the range's last bucket starts on, for an action started without a click; null for an empty axis. */
  lastDate: string | null;
  clearPick: () => void;
};

export type ChartAction = {
  /** What a click on the chart does, for its tooltip ("Click to add a milestone here"). */
  hint: string;
  /** Drawn under the time series; clicks on the chart pick a bucket only when a page passes this. */
  render: (context: ChartActionContext) => ReactNode;
};
