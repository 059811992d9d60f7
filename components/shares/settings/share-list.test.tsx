// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Share } from "@/lib/shares/share";
import { ShareList } from "./share-list";
import { renderWithClient, seen, shareFixture, type SeenRequest } from "./test-shares";

const NOW = "2026-05-10T12:00:00.000Z";

const active = shareFixture({ id: 1, views30d: 1234, unlockFailures30d: 3, lastViewedAt: "2026-05-10T09:00:00.000Z", settings: { clientName: "Acme" } });
const paused = shareFixture({
  id: 2,
  state: "paused",
  url: "http://localhost/share/bbbb",
  target: { kind: "dashboard", id: 5, name: "Weekly" },
  expiresAt: "2026-12-31T22:59:59.999Z",
  settings: { clientName: "Globex" },
});
const expired = shareFixture({ id: 3, state: "expired", target: { kind: "report", id: 9, name: null }, settings: { clientName: "Initech" } });
const revoked = shareFixture({ id: 4, state: "revoked", revokedAt: "2026-05-01T00:00:00.000Z", settings: { clientName: "Umbrella" } });

let requests: SeenRequest[] = [];
/** The share the state route answers with, after the action asked for. */
const AFTER: Record<string, (share: Share) => Share> = {
  pause: (share) => ({ ...share, state: "paused" }),
  resume: (share) => ({ ...share, state: "active" }),
  rotate: (share) => ({ ...share, url: "http://localhost/share/rotated" }),
  revoke: (share) => ({ ...share, state: "revoked" }),
};

beforeEach(() => {
  requests = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = seen(input, init);
      requests.push(request);
      const match = /^\/api\/shares\/(\d+)\/state$/.exec(request.url);
      const share = [active, paused, expired, revoked].find((candidate) => candidate.id === Number(match?.[1]));
      if (!share) return Response.json({ error: { code: "not_found", message: "Not here." } }, { status: 404 });
      return Response.json(AFTER[(request.body as { action: string }).action]!(share));
    }),
  );
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const row = (id: number) => document.querySelector<HTMLElement>(`[data-share-id="${id}"]`)!;
const stateCalls = () => requests.filter((request) => request.method === "POST");

function renderList(shares: Share[] = [active, paused, expired, revoked], createdId: number | null = null) {
  return renderWithClient(<ShareList initial={shares} now={NOW} createdId={createdId} />);
}

describe("ShareList", () => {
  it("shows every share with its target, state in words, counters and expiry", () => {
    renderList();
    const headers = screen.getAllByRole("columnheader").map((cell) => cell.textContent);
    expect(headers).toEqual(["Client", "Shares", "State", "Views (30 days)", "Last viewed", "Unlock failures (30 days)", "Expires", "Actions"]);
    const first = within(row(1));
    expect(first.getByRole("rowheader").textContent).toContain("Acme");
    expect(first.getByText(active.url)).toBeTruthy();
    expect(first.getByRole("link", { name: "Blog traffic" }).getAttribute("href")).toBe("/reports/12");
    expect(first.getByText("active")).toBeTruthy();
    expect(first.getByText("1,234")).toBeTruthy();
    expect(first.getByText("3 h ago")).toBeTruthy();
    expect(within(row(2)).getByRole("link", { name: "Weekly" }).getAttribute("href")).toBe("/dashboards/5");
    expect(within(row(2)).getByText("paused")).toBeTruthy();
    expect(within(row(2)).getByText("Dec 31, 2026")).toBeTruthy();
    expect(within(row(3)).getByText("deleted")).toBeTruthy();
    expect(within(row(3)).getByText("expired")).toBeTruthy();
    expect(within(row(3)).getAllByText("never")).toHaveLength(2);
  });

  it("offers only Copy link on a revoked share, and Pause or Resume by state", () => {
    renderList();
    const names = (id: number) => [...row(id).querySelectorAll("td:last-child button, td:last-child a")].map((element) => element.textContent);
    expect(names(4)).toEqual(["Copy link"]);
    expect(names(1)).toEqual(["Copy link", "Pause", "Rotate link", "Revoke", "Edit"]);
    expect(names(2)).toEqual(["Copy link", "Resume", "Rotate link", "Revoke", "Edit"]);
    expect(names(3)).toEqual(["Copy link", "Rotate link", "Revoke", "Edit"]);
    expect(within(row(1)).getByRole("link", { name: "Edit the share for Acme" }).getAttribute("href")).toBe("/settings/shares/1");
  });

  it("pauses at once and keeps the focus on the button, which now resumes", async () => {
    const user = userEvent.setup();
    renderList();
    const button = within(row(1)).getByRole("button", { name: "Pause the link for Acme" });
    await user.click(button);
    await waitFor(() => expect(within(row(1)).getByText("paused")).toBeTruthy());
    expect(stateCalls()).toEqual([{ method: "POST", url: "/api/shares/1/state", body: { action: "pause" } }]);
    expect(button.textContent).toBe("Resume");
    expect(document.activeElement).toBe(button);
    expect(screen.getByText(/^Paused: the link for Acme/)).toBeTruthy();
  });

  it("rotates only after the confirmation, and shows the new link", async () => {
    const user = userEvent.setup();
    renderList();
    await user.click(within(row(1)).getByRole("button", { name: "Rotate link for Acme" }));
    const dialog = screen.getByRole("alertdialog");
    expect(within(dialog).getByText("The old link stops working at once.")).toBeTruthy();
    await user.click(within(dialog).getByRole("button", { name: "Cancel" }));
    expect(stateCalls()).toEqual([]);

    await user.click(within(row(1)).getByRole("button", { name: "Rotate link for Acme" }));
    await user.click(within(screen.getByRole("alertdialog")).getByRole("button", { name: "Rotate link" }));
    await waitFor(() => expect(within(row(1)).getByText("http://localhost/share/rotated")).toBeTruthy());
    expect(stateCalls()).toEqual([{ method: "POST", url: "/api/shares/1/state", body: { action: "rotate" } }]);
  });

  it("revokes after the confirmation, leaving only Copy link, which takes the focus", async () => {
    const user = userEvent.setup();
    renderList();
    await user.click(within(row(2)).getByRole("button", { name: "Revoke the link for Globex" }));
    const dialog = screen.getByRole("alertdialog");
    expect(within(dialog).getByRole("heading", { name: "Revoke this link? It stops working for good." })).toBeTruthy();
    await user.click(within(dialog).getByRole("button", { name: "Revoke link" }));
    await waitFor(() => expect(within(row(2)).getByText("revoked")).toBeTruthy());
    expect(stateCalls()).toEqual([{ method: "POST", url: "/api/shares/2/state", body: { action: "revoke" } }]);
    expect(within(row(2)).getAllByRole("button").map((button) => button.textContent)).toEqual(["Copy link"]);
    await waitFor(() => expect(document.activeElement).toBe(within(row(2)).getByRole("button", { name: "Copy link for Globex" })));
  });

  it("copies a link and says so in a polite live region", async () => {
    const user = userEvent.setup();
    renderList();
    await user.click(within(row(2)).getByRole("button", { name: "Copy link for Globex" }));
    expect(await navigator.clipboard.readText()).toBe("http://localhost/share/bbbb");
    const live = screen.getAllByRole("status").find((element) => element.getAttribute("aria-live") === "polite")!;
    expect(live.textContent).toBe("Link copied");
  });

  it("says what went wrong when the server refuses an action", async () => {
    const user = userEvent.setup();
    const unknown = shareFixture({ id: 99, settings: { clientName: "Ghost" } });
    renderList([unknown]);
    await user.click(screen.getByRole("button", { name: "Pause the link for Ghost" }));
    expect((await screen.findByRole("alert")).textContent).toBe("Could not pause the link for Ghost. Not here.");
  });

  it("offers the link of the share just created", async () => {
    const user = userEvent.setup();
    renderList([active], 1);
    const notice = screen.getAllByRole("status").find((element) => element.textContent?.includes("Share created"))!;
    expect(within(notice).getByText(active.url)).toBeTruthy();
    await user.click(within(notice).getByRole("button", { name: "Copy link" }));
    expect(await navigator.clipboard.readText()).toBe(active.url);
  });

  it("explains how to make a share when there is none", () => {
    renderList([]);
    expect(screen.getByRole("heading", { name: "No client shares yet" })).toBeTruthy();
    expect(screen.getByText(/Share with a client…/)).toBeTruthy();
    expect(screen.queryByRole("table")).toBeNull();
  });
});
