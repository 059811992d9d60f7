// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { MAX_LOGO_BYTES } from "@/lib/shares/share";
import { endOfDay } from "./share-draft";
import { ShareForm } from "./share-form";
import { renderWithClient, seen, shareFixture, type SeenRequest } from "./test-shares";

const push = vi.fn();
vi.mock("next/navigation", () => ({ useRouter: () => ({ push, replace: vi.fn(), refresh: vi.fn() }) }));

const TARGET = { kind: "report" as const, id: 12, name: "Blog traffic" };
const SITES = [{ id: "CDBUGS", name: "Acme blog" }];
const TOO_LIGHT = "This colour is too light: 1.07:1 against the light page, and it needs 3:1. Pick a darker shade.";

let requests: SeenRequest[] = [];
let answer: (request: SeenRequest) => Response = () => Response.json(shareFixture(), { status: 201 });

beforeEach(() => {
  requests = [];
  answer = () => Response.json(shareFixture(), { status: 201 });
  push.mockClear();
  vi.stubGlobal(
    "fetch",
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = seen(input, init);
      requests.push(request);
      if (request.url.startsWith("/api/sites/CDBUGS/milestones")) {
        return Response.json({
          milestones: [
            { id: "M1", name: "Launch", date: "2026-03-01", createdAt: "2026-03-01T00:00:00Z", updatedAt: null },
            { id: "M2", name: "Redesign", date: "2026-04-01", createdAt: "2026-04-01T00:00:00Z", updatedAt: null },
          ],
        });
      }
      return answer(request);
    }),
  );
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const writes = () => requests.filter((request) => request.method !== "GET");
const describedBy = (element: HTMLElement) =>
  (element.getAttribute("aria-describedby") ?? "")
    .split(" ")
    .map((id) => document.getElementById(id)?.textContent ?? "")
    .join(" ");

function renderNew() {
  return renderWithClient(<ShareForm mode="create" target={TARGET} sites={SITES} />);
}

describe("ShareForm (new)", () => {
  it("sends exactly the contract's body for a full example, then opens the list with the new share", async () => {
    const user = userEvent.setup();
    renderNew();
    await user.type(screen.getByLabelText("Client name"), "Acme Corp");
    await user.type(screen.getByLabelText("Password (optional)"), "correct horse");
    fireEvent.change(screen.getByLabelText("Expires on (optional)"), { target: { value: "2026-12-31" } });

    expect(screen.queryByLabelText("Opens with")).toBeNull();
    await user.click(screen.getByLabelText("Last month"));
    await user.click(screen.getByLabelText("Last 7 days"));
    // The first ticked range is what the page opens with, until another is picked.
    expect((screen.getByLabelText("Opens with") as HTMLSelectElement).value).toBe("last_month");
    await user.selectOptions(screen.getByLabelText("Opens with"), "last_7_days");
    fireEvent.change(screen.getByLabelText("First date (optional)"), { target: { value: "2026-01-01" } });

    await user.click(screen.getByRole("button", { name: "Add locked filter" }));
    expect(document.activeElement).toBe(screen.getByLabelText("Property"));
    await user.selectOptions(screen.getByLabelText("Property"), "utm_campaign");
    await user.selectOptions(screen.getByLabelText("Operator"), "is");
    await user.type(screen.getByLabelText("Value"), "spring");
    await user.type(screen.getByLabelText("Label shown to the client (optional)"), "Spring campaign only");

    await user.type(screen.getByLabelText("Accent colour (optional)"), "#C2410C");
    await user.click(screen.getByLabelText("Intro (Markdown, optional)"));
    await user.paste("Hello **Acme**");
    await user.click(screen.getByLabelText("Show “Made with Sounding”"));
    await user.click(screen.getByLabelText("Sites allowed to embed this page (one origin per line, optional)"));
    await user.paste("  https://acme.example  \n\nhttps://intranet.acme.example:8443\n");
    await user.clear(screen.getByLabelText("Refresh figures at most every (minutes)"));
    await user.type(screen.getByLabelText("Refresh figures at most every (minutes)"), "30");

    await user.click(screen.getByRole("button", { name: "Create share" }));
    await waitFor(() => expect(push).toHaveBeenCalledWith("/settings/shares?created=7"));
    expect(writes()).toEqual([
      {
        method: "POST",
        url: "/api/shares",
        body: {
          target: { kind: "report", id: 12 },
          settings: {
            clientName: "Acme Corp",
            window: { presets: ["last_7_days", "last_month"], defaultPreset: "last_7_days", floor: "2026-01-01", ceiling: null },
            lockedFilters: [{ property: "utm_campaign", operator: "is", value: "spring" }],
            lockedLabel: "Spring campaign only",
            milestones: { mode: "none" },
            branding: { accent: "#c2410c", intro: "Hello **Acme**", madeWith: false },
            embedOrigins: ["https://acme.example", "https://intranet.acme.example:8443"],
            refreshMinutes: 30,
          },
          password: "correct horse",
          expiresAt: endOfDay("2026-12-31"),
          logo: null,
        },
      },
    ]);
  });

  it("shows the server's message beside its field, focuses that field and sums up in an alert", async () => {
    const user = userEvent.setup();
    answer = () =>
      Response.json(
        { error: { code: "invalid_input", message: "settings.branding.accent: " + TOO_LIGHT, fields: { "settings.branding.accent": [TOO_LIGHT] } } },
        { status: 400 },
      );
    renderNew();
    await user.type(screen.getByLabelText("Client name"), "Acme");
    await user.type(screen.getByLabelText("Accent colour (optional)"), "#2563eb");
    await user.click(screen.getByRole("button", { name: "Create share" }));

    const accent = screen.getByLabelText("Accent colour (optional)");
    await waitFor(() => expect(document.activeElement).toBe(accent));
    expect(accent.getAttribute("aria-invalid")).toBe("true");
    expect(describedBy(accent)).toContain(TOO_LIGHT);
    expect(screen.getByRole("alert").textContent).toContain("The share was not created: one field needs a change.");
    expect(push).not.toHaveBeenCalled();
  });

  it("says first what the contract refuses, without sending anything", async () => {
    const user = userEvent.setup();
    renderNew();
    await user.type(screen.getByLabelText("Password (optional)"), "short");
    await user.click(screen.getByRole("button", { name: "Create share" }));

    const name = screen.getByLabelText("Client name");
    expect(document.activeElement).toBe(name);
    expect(describedBy(name)).toContain("Name the client");
    expect(describedBy(screen.getByLabelText("Password (optional)"))).toContain("Use at least 8 characters");
    expect(screen.getByRole("alert").textContent).toContain("2 fields need a change");
    expect(writes()).toEqual([]);
  });

  it("offers only the operators a property takes, and gives the focus back when a row goes", async () => {
    const user = userEvent.setup();
    renderNew();
    await user.click(screen.getByRole("button", { name: "Add locked filter" }));
    await user.selectOptions(screen.getByLabelText("Operator"), "is like");
    await user.selectOptions(screen.getByLabelText("Property"), "country_code");
    const operators = within(screen.getByLabelText("Operator")).getAllByRole("option").map((option) => option.textContent);
    expect(operators).toEqual(["is", "is not"]);
    expect((screen.getByLabelText("Operator") as HTMLSelectElement).value).toBe("is");
    await user.click(screen.getByRole("button", { name: "Remove locked filter 1" }));
    expect(screen.queryByLabelText("Property")).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Add locked filter" }));
  });

  it("lists the site's milestones to choose from, and sends the ticked ones", async () => {
    const user = userEvent.setup();
    renderNew();
    await user.type(screen.getByLabelText("Client name"), "Acme");
    await user.click(screen.getByLabelText("Chosen milestones"));
    await user.click(await screen.findByLabelText("Redesign (2026-04-01)"));
    await user.click(screen.getByRole("button", { name: "Create share" }));
    await waitFor(() => expect(writes()).toHaveLength(1));
    expect((writes()[0]!.body as { settings: { milestones: unknown } }).settings.milestones).toEqual({ mode: "chosen", ids: ["M2"] });
  });

  it("reads a logo into base64 without the data: prefix, previews it, and refuses one too large", async () => {
    const user = userEvent.setup();
    renderNew();
    const input = screen.getByLabelText("Logo (optional)");
    await user.upload(input, new File([new Uint8Array(MAX_LOGO_BYTES + 1)], "huge.png", { type: "image/png" }));
    expect(describedBy(input)).toContain("Keep the logo under 256 KB");

    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    await user.upload(input, new File([png], "logo.png", { type: "image/png" }));
    expect(await screen.findByAltText("Preview of the new logo")).toBeTruthy();
    expect(describedBy(input)).not.toContain("Keep the logo");

    await user.type(screen.getByLabelText("Client name"), "Acme");
    await user.click(screen.getByRole("button", { name: "Create share" }));
    await waitFor(() => expect(writes()).toHaveLength(1));
    expect((writes()[0]!.body as { logo: unknown }).logo).toEqual({ type: "image/png", base64: "iVBORw0KGgo=" });
  });
});

describe("ShareForm (edit)", () => {
  const share = shareFixture({ hasPassword: true, expiresAt: "2026-12-31T22:59:59.999Z", settings: { clientName: "Acme" } });

  it("keeps the password, expiry and logo unless changed, and says Saved", async () => {
    const user = userEvent.setup();
    answer = () => Response.json(share);
    renderWithClient(<ShareForm mode="edit" share={share} sites={SITES} />);
    expect(describedBy(screen.getByLabelText("Password (optional)"))).toContain("Leave empty to keep the current password");
    await user.type(screen.getByLabelText("Label shown to the client (optional)"), "Spring only");
    await user.click(screen.getByRole("button", { name: "Save changes" }));

    await waitFor(() => expect(screen.getByRole("status").textContent).toBe("Saved"));
    const [write] = writes();
    expect(write).toMatchObject({ method: "PATCH", url: "/api/shares/7" });
    expect(Object.keys(write!.body as object)).toEqual(["settings"]);
    expect((write!.body as { settings: { lockedLabel: string } }).settings.lockedLabel).toBe("Spring only");
  });

  it("sends null to remove the password and to clear the expiry", async () => {
    const user = userEvent.setup();
    answer = () => Response.json(share);
    renderWithClient(<ShareForm mode="edit" share={share} sites={SITES} />);
    await user.click(screen.getByLabelText("Remove the password"));
    expect((screen.getByLabelText("Password (optional)") as HTMLInputElement).disabled).toBe(true);
    await user.clear(screen.getByLabelText("Expires on (optional)"));
    await user.click(screen.getByRole("button", { name: "Save changes" }));
    await waitFor(() => expect(writes()).toHaveLength(1));
    expect(writes()[0]!.body).toMatchObject({ password: null, expiresAt: null });
  });

  it("shows the saved logo and removes it with null", async () => {
    const user = userEvent.setup();
    const withLogo = shareFixture({ hasLogo: true, slug: "b".repeat(32) });
    answer = () => Response.json({ ...withLogo, hasLogo: false });
    renderWithClient(<ShareForm mode="edit" share={withLogo} sites={SITES} />);
    expect(screen.getByAltText("The current logo").getAttribute("src")).toBe(`/share/${"b".repeat(32)}/logo?v=2026-05-01T10%3A00%3A00.000Z`);
    await user.click(screen.getByRole("button", { name: "Remove logo" }));
    expect(screen.getByText("The logo is removed when you save.")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Save changes" }));
    await waitFor(() => expect(writes()).toHaveLength(1));
    expect(writes()[0]!.body).toMatchObject({ logo: null });
    expect(await screen.findByText("Saved")).toBeTruthy();
  });
});
