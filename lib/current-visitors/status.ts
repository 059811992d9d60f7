/**
 * The panel's quiet notice: why the figure on screen may be older than usual, or why there is none.
 * Pure and isomorphic.
 */

export type StatusInput = {
  /** The last answer, if any. */
  answer: { stale: boolean; intervalSeconds: number; baseIntervalSeconds: number } | null;
  /** The last request's failure, when it is newer than the answer. */
  failure: { status: number; message: string; retryAfter?: number } | null;
};

export type PanelStatus = { tone: "error" | "quiet"; text: string } | null;

const retryText = (retryAfter: number | undefined) =>
  retryAfter !== undefined && retryAfter > 0 ? `trying again in about ${Math.ceil(retryAfter)} s` : "trying again shortly";

export function panelStatus({ answer, failure }: StatusInput): PanelStatus {
  if (failure && !answer) {
    return { tone: "error", text: `${failure.message} Sounding is ${retryText(failure.retryAfter)}.` };
  }
  if (failure) {
    const why =
      failure.status === 429
        ? "Fathom's request limit is reached for now"
        : failure.status === 0
          ? "Sounding could not be reached"
          : "The figure could not be refreshed";
    return { tone: "quiet", text: `${why}: showing the last figure, ${retryText(failure.retryAfter)}.` };
  }
  if (answer?.stale) {
    return { tone: "quiet", text: "Showing the last figure while Sounding paces its requests to Fathom; a fresh one follows shortly." };
  }
  if (answer && answer.intervalSeconds > answer.baseIntervalSeconds) {
    return {
      tone: "quiet",
      text: `Refreshing every ${answer.intervalSeconds} s instead of ${answer.baseIntervalSeconds} s while the reports budget is tight.`,
    };
  }
  return null;
}
