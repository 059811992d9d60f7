// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { testUser } from "@/lib/api/route-test-kit";
import { pendingInviteListSchema, type PendingInvite } from "@/lib/auth/pending-invite";
import { formatExpiresIn } from "./invite-expiry";
import { UsersManager } from "./users-manager";

vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh: () => {} }) }));

const NOW = "2026-05-10T12:00:00.000Z";
const ada = { id: 1, name: "Ada" };
const invite = (id: number, change: Partial<PendingInvite> = {}): PendingInvite => ({
  id,
  role: "editor",
  invitedBy: ada,
  createdAt: "2026-05-10T10:00:00.000Z",
  expiresAt: "2026-05-13T12:00:00.000Z",
  ...change,
});

/** What the stubbed server holds, and every request it saw. */
let server: { invites: PendingInvite[]; gone: Set<number> };
let requests: { method: string; url: string; body: unknown }[];

beforeEach(() => {
  server = {
    invites: [invite(2, { role: "viewer", createdAt: "2026-05-10T11:30:00.000Z", expiresAt: "2026-05-17T11:30:00.000Z" }), invite(1, { invitedBy: { id: null, name: "Former member" } })],
    gone: new Set(),
  };
  requests = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const method = init?.method ?? "GET";
      const url = String(input);
      requests.push({ method, url, body: typeof init?.body === "string" ? JSON.parse(init.body) : undefined });
      if (url === "/api/invites/pending" && method === "GET") return Response.json(pendingInviteListSchema.parse({ invites: server.invites, now: NOW }));
      if (url === "/api/invites" && method === "POST") {
        const made = invite(3, { role: "admin", createdAt: NOW, expiresAt: "2026-05-17T12:00:00.000Z" });
        server.invites = [made, ...server.invites];
        return Response.json({ id: 3, url: "http://localhost/invite/abcdefghijklmnopqrstuvwxyz012345", expiresAt: made.expiresAt, role: "admin" });
      }
      const revoke = /^\/api\/invites\/pending\/(\d+)$/.exec(url);
      if (revoke && method === "DELETE") {
        const id = Number(revoke[1]);
        if (server.gone.has(id) || !server.invites.some((entry) => entry.id === id)) {
          server.invites = server.invites.filter((entry) => entry.id !== id);
          return Response.json({ error: { code: "invite_not_found", message: `There is no pending invite ${id}: it was already used, it expired or it was revoked.` } }, { status: 404 });
        }
        server.invites = server.invites.filter((entry) => entry.id !== id);
        return Response.json({ ok: true });
      }
      return Response.json({ error: { code: "not_found", message: "Not here." } }, { status: 404 });
    }),
  );
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderManager() {
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, retry: false, refetchOnWindowFocus: false } } });
  const initial = { invites: server.invites, now: NOW };
  return render(
    <QueryClientProvider client={client}>
      <UsersManager users={[testUser("admin"), testUser("editor")]} currentUserId={1} invites={initial} />
    </QueryClientProvider>,
  );
}

const invitesTable = () => screen.getByRole("table", { name: "Pending invites" });
const row = (id: number) => document.querySelector<HTMLElement>(`[data-invite-id="${id}"]`);
const writes = () => requests.filter((request) => request.method !== "GET");

describe("formatExpiresIn", () => {
  const now = new Date(NOW);
  const at = (ms: number) => new Date(now.getTime() + ms).toISOString();
  it("says how long is left in the largest fitting unit", () => {
    expect(formatExpiresIn(at(7 * 86_400_000 - 5_000), now)).toBe("expires in 7 days");
    expect(formatExpiresIn(at(3 * 86_400_000), now)).toBe("expires in 3 days");
    expect(formatExpiresIn(at(47 * 3_600_000), now)).toBe("expires in 47 h");
    expect(formatExpiresIn(at(90 * 60_000), now)).toBe("expires in 2 h");
    expect(formatExpiresIn(at(12 * 60_000), now)).toBe("expires in 12 min");
    expect(formatExpiresIn(at(10_000), now)).toBe("expires in 1 min");
    expect(formatExpiresIn(at(0), now)).toBe("expired");
    expect(formatExpiresIn("not a date", now)).toBe("—");
  });
});

describe("Pending invites in the users manager", () => {
  it("lists each pending invite's role, who made it, when, and its expiry, never a link", () => {
    renderManager();
    expect(screen.getByRole("heading", { name: "Pending invites" })).toBeTruthy();
    const headers = within(invitesTable()).getAllByRole("columnheader").map((cell) => cell.textContent);
    expect(headers).toEqual(["Role", "Invited by", "Created", "Expires", "Actions"]);
    const newest = within(row(2)!);
    expect(newest.getByText("viewer")).toBeTruthy();
    expect(newest.getByText("Ada")).toBeTruthy();
    expect(newest.getByText("30 min ago")).toBeTruthy();
    expect(newest.getByText("expires in 7 days")).toBeTruthy();
    const older = within(row(1)!);
    expect(older.getByText("Former member")).toBeTruthy();
    expect(older.getByText("expires in 3 days")).toBeTruthy();
    expect(older.getByRole("button", { name: "Revoke the editor invite made by Former member 2 h ago" })).toBeTruthy();
    expect(invitesTable().textContent).not.toMatch(/\/invite\//);
  });

  it("revokes an invite only after the confirm dialog, then drops it and says so", async () => {
    const user = userEvent.setup();
    renderManager();
    await user.click(screen.getByRole("button", { name: "Revoke the viewer invite made by Ada 30 min ago" }));
    const dialog = await screen.findByRole("alertdialog");
    expect(within(dialog).getByRole("heading", { name: "Revoke this invite?" })).toBeTruthy();
    expect(dialog.textContent).toContain("stops working at once");
    // Cancel first: nothing is sent.
    await user.click(within(dialog).getByRole("button", { name: "Cancel" }));
    await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
    expect(writes()).toEqual([]);

    await user.click(screen.getByRole("button", { name: "Revoke the viewer invite made by Ada 30 min ago" }));
    await user.click(within(await screen.findByRole("alertdialog")).getByRole("button", { name: "Revoke invite" }));
    await waitFor(() => expect(row(2)).toBeNull());
    expect(writes()).toEqual([{ method: "DELETE", url: "/api/invites/pending/2", body: undefined }]);
    expect(screen.getByRole("status").textContent).toBe("Revoked the viewer invite: its link no longer works.");
    expect(row(1)).not.toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole("heading", { name: "Pending invites" })));
    // The list is read again from the server afterwards.
    await waitFor(() => expect(requests.filter((request) => request.method === "GET")).toHaveLength(1));
  });

  it("says why a revoke failed and refreshes the list (someone used the invite meanwhile)", async () => {
    const user = userEvent.setup();
    renderManager();
    server.gone.add(1);
    await user.click(screen.getByRole("button", { name: /^Revoke the editor invite/ }));
    await user.click(within(await screen.findByRole("alertdialog")).getByRole("button", { name: "Revoke invite" }));
    expect((await screen.findByRole("alert")).textContent).toBe(
      "Could not revoke the editor invite. There is no pending invite 1: it was already used, it expired or it was revoked.",
    );
    await waitFor(() => expect(row(1)).toBeNull());
    expect(row(2)).not.toBeNull();
  });

  it("shows a new invite in the list as soon as it is made, and hides its link if it is revoked", async () => {
    const user = userEvent.setup();
    renderManager();
    await user.selectOptions(screen.getByLabelText("Role", { selector: "select" }), "admin");
    await user.click(screen.getByRole("button", { name: "Create invite link" }));
    expect(await screen.findByLabelText(/Invite link for a new admin/)).toBeTruthy();
    await waitFor(() => expect(row(3)).not.toBeNull());
    expect(within(row(3)!).getByText("expires in 7 days")).toBeTruthy();
    expect(requests.map((request) => `${request.method} ${request.url}`)).toEqual(["POST /api/invites", "GET /api/invites/pending"]);

    await user.click(screen.getByRole("button", { name: "Revoke the admin invite made by Ada just now" }));
    await user.click(within(await screen.findByRole("alertdialog")).getByRole("button", { name: "Revoke invite" }));
    await waitFor(() => expect(row(3)).toBeNull());
    expect(screen.queryByLabelText(/Invite link for a new admin/)).toBeNull();
  });

  it("says so when nothing is pending", () => {
    server.invites = [];
    renderManager();
    expect(screen.getByText(/No pending invites\./)).toBeTruthy();
    expect(screen.queryByRole("table", { name: "Pending invites" })).toBeNull();
  });
});
