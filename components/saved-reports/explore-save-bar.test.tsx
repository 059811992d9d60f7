// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { stubChartLayout } from "@/components/charts/test-chart-layout";
import type { BuilderSite } from "@/components/query-builder/builder-site";
import { ExploreWorkspace } from "@/components/query-builder/explore-workspace";
import { dailyResult } from "@/components/report/test-report-results";
import { defaultReportQuery, type ReportQuery } from "@/lib/query/report-query";
import { canonicalReportQuery } from "@/lib/query/stored-query";
import { decodeReportQuery } from "@/lib/query/url-codec";
import type { SavedReport } from "@/lib/reports/saved-report";
import { editedReport } from "./edited-report";

const SITES: BuilderSite[] = [{ id: "CDBUGS", name: "Acme blog", timezone: "Europe/Berlin", events: [] }];
const saved: ReportQuery = { ...defaultReportQuery("CDBUGS"), range: { preset: "last_7_days" } };

function savedReport(overrides: Partial<SavedReport> = {}): SavedReport {
  const person = { id: 1, name: "Ada" };
  return {
    id: 12,
    name: "Blog traffic",
    description: "",
    siteId: "CDBUGS",
    query: canonicalReportQuery(saved),
    version: 3,
    owner: person,
    createdAt: "2024-05-01T10:00:00.000Z",
    updatedAt: "2024-05-01T10:00:00.000Z",
    updatedBy: person,
    ...overrides,
  };
}

type Call = { method: string; path: string; body: unknown };
let calls: Call[] = [];
/** What the saved-report routes answer, per test. */
let answer: (call: Call) => Response;

const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
  const url = new URL(String(input), "http://localhost");
  if (url.pathname === "/api/reports/run") {
    const decoded = decodeReportQuery(url.searchParams);
    return decoded.ok ? Response.json(dailyResult({}, decoded.query)) : Response.json({ error: { code: "invalid_query", message: "Bad." } }, { status: 400 });
  }
  // What the builder says a run would cost: a read beside Run, not one of the save bar's requests.
  if (url.pathname === "/api/reports/cost") return Response.json({ error: { code: "not_found", message: "Not here." } }, { status: 404 });
  if (url.pathname.startsWith("/api/reports")) {
    const call = { method: init?.method ?? "GET", path: url.pathname, body: init?.body ? JSON.parse(String(init.body)) : undefined };
    calls.push(call);
    return answer(call);
  }
  return Response.json({ error: { code: "not_found", message: "Not here." } }, { status: 404 });
});

beforeAll(async () => {
  await Promise.all([import("@/components/report/report-panel"), import("./report-details-dialog")]);
}, 60_000);

beforeEach(() => {
  stubChartLayout();
  calls = [];
  vi.stubGlobal("fetch", fetchMock);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderExplore(url: string, saving: { canSave: boolean; report: SavedReport | null; missing?: boolean }) {
  window.history.replaceState(null, "", url);
  const decoded = decodeReportQuery(new URL(url, "http://localhost").searchParams);
  if (!decoded.ok) throw new Error("bad test URL");
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <ExploreWorkspace
        sites={SITES}
        initialQuery={decoded.query}
        canAddMilestones={false}
        saving={{ canSave: saving.canSave, report: saving.report && editedReport(saving.report), missing: saving.missing ?? false }}
      />
    </QueryClientProvider>,
  );
}

const range = () => screen.getByRole("combobox", { name: "Date range" });

describe("Explore's save bar", () => {
  it("saves a new report from a dialog that checks the name, then links to it and keeps its id in the address", async () => {
    const user = userEvent.setup();
    answer = ({ body }) => Response.json(savedReport({ id: 40, version: 1, name: (body as { name: string }).name, query: (body as { query: unknown }).query }), { status: 201 });
    renderExplore("/explore?site=CDBUGS&range=last_7_days", { canSave: true, report: null });

    await user.click(screen.getByRole("button", { name: "Save" }));
    const dialog = await screen.findByRole("dialog", { name: "Save report" });
    const name = within(dialog).getByRole("textbox", { name: "Name" });
    expect(document.activeElement).toBe(name);

    await user.click(within(dialog).getByRole("button", { name: "Save report" }));
    expect(within(dialog).getByRole("alert").textContent).toBe("Give the report a name");
    expect(name.getAttribute("aria-invalid")).toBe("true");
    expect(document.activeElement).toBe(name);
    expect(calls).toEqual([]);

    await user.type(name, "  Weekly blog  ");
    await user.type(within(dialog).getByRole("textbox", { name: /Description/ }), "Monday numbers");
    await user.click(within(dialog).getByRole("button", { name: "Save report" }));

    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(calls).toEqual([{ method: "POST", path: "/api/reports", body: { name: "Weekly blog", description: "Monday numbers", query: canonicalReportQuery(saved) } }]);
    expect(window.location.search).toBe("?report=40&site=CDBUGS&range=last_7_days");
    const notice = (await screen.findByText(/Saved as a new report/)).closest("[role=status]") as HTMLElement;
    const link = within(notice).getByRole("link", { name: "Weekly blog" });
    expect(link.getAttribute("href")).toBe("/reports/40");
    // The notice takes the focus from the closed dialog, so its link is the next stop.
    await waitFor(() => expect(document.activeElement?.contains(notice)).toBe(true));
    expect(screen.getByText(/Editing:/).textContent).toContain("version 1");
  });

  it("says when the builder differs from the saved report, and not once the edit is undone", async () => {
    const user = userEvent.setup();
    renderExplore("/explore?report=12&site=CDBUGS&range=last_7_days", { canSave: true, report: savedReport() });
    expect(screen.getByText(/Editing:/).textContent).toBe("Editing: Blog traffic · version 3All changes saved");
    expect(screen.getByRole("button", { name: "Save" }).getAttribute("aria-disabled")).toBe("true");

    await user.selectOptions(range(), "last_90_days");
    expect(screen.getByText("Unsaved changes")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Save" }).getAttribute("aria-disabled")).toBe("false");

    await user.selectOptions(range(), "last_7_days");
    expect(screen.queryByText("Unsaved changes")).toBeNull();
    expect(screen.getByText("All changes saved")).toBeTruthy();
  });

  it("updates the report from the version it started from, and runs what it saved", async () => {
    const user = userEvent.setup();
    answer = ({ body }) => Response.json(savedReport({ version: 4, query: (body as { query: unknown }).query }));
    renderExplore("/explore?report=12&site=CDBUGS&range=last_7_days", { canSave: true, report: savedReport() });

    await user.selectOptions(range(), "last_90_days");
    await user.click(screen.getByRole("button", { name: "Save" }));
    await screen.findByText(/Saved/, { selector: "p" });
    const ninety = canonicalReportQuery({ ...saved, range: { preset: "last_90_days" } });
    expect(calls).toEqual([{ method: "PATCH", path: "/api/reports/12", body: { query: ninety, baseVersion: 3 } }]);
    expect(window.location.search).toBe("?report=12&site=CDBUGS&range=last_90_days");
    expect(screen.getByText(/Editing:/).textContent).toContain("version 4");
    expect(screen.getByText("All changes saved")).toBeTruthy();
  });

  it("after someone else saved in between, says who and offers to save as a new report", async () => {
    const user = userEvent.setup();
    answer = ({ method }) => {
      if (method === "PATCH") return Response.json({ error: { code: "report_changed", message: "Someone saved in between." } }, { status: 409 });
      if (method === "GET") return Response.json(savedReport({ version: 4, updatedBy: { id: 2, name: "Grace" }, updatedAt: new Date().toISOString() }));
      return Response.json(savedReport({ id: 41, version: 1, name: "Copy of Blog traffic", query: canonicalReportQuery({ ...saved, limit: 5 }) }), { status: 201 });
    };
    renderExplore("/explore?report=12&site=CDBUGS&range=last_7_days", { canSave: true, report: savedReport() });

    await user.selectOptions(range(), "last_90_days");
    await user.click(screen.getByRole("button", { name: "Save" }));
    expect(await screen.findByText(/Grace saved version 4 just now, while you were editing/)).toBeTruthy();
    expect(screen.getByRole("link", { name: "Open their version" }).getAttribute("href")).toBe("/explore?report=12&site=CDBUGS&range=last_7_days");

    const notice = screen.getByText(/Grace saved/).closest("[role=status]") as HTMLElement;
    await user.click(within(notice).getByRole("button", { name: "Save as new" }));
    const dialog = await screen.findByRole("dialog", { name: "Save as a new report" });
    expect((within(dialog).getByRole("textbox", { name: "Name" }) as HTMLInputElement).value).toBe("Copy of Blog traffic");
    await user.click(within(dialog).getByRole("button", { name: "Save as new" }));

    await waitFor(() => expect(window.location.search).toBe("?report=41&site=CDBUGS&range=last_90_days"));
    expect(calls.map(({ method, path }) => `${method} ${path}`)).toEqual(["PATCH /api/reports/12", "GET /api/reports/12", "POST /api/reports"]);
    expect(calls[2]!.body).toMatchObject({ name: "Copy of Blog traffic", query: canonicalReportQuery({ ...saved, range: { preset: "last_90_days" } }) });
  });

  it("after the report was deleted meanwhile, lets go of it so the next Save makes a new one", async () => {
    const user = userEvent.setup();
    answer = () => Response.json({ error: { code: "report_not_found", message: "That saved report does not exist." } }, { status: 404 });
    renderExplore("/explore?report=12&site=CDBUGS&range=last_7_days", { canSave: true, report: savedReport() });
    await user.selectOptions(range(), "last_90_days");
    await user.click(screen.getByRole("button", { name: "Save" }));
    expect(await screen.findByText(/was deleted while you were editing/)).toBeTruthy();
    expect(window.location.search).toBe("?site=CDBUGS&range=last_7_days");
    await user.click(screen.getByRole("button", { name: "Save" }));
    expect(await screen.findByRole("dialog", { name: "Save report" })).toBeTruthy();
  });

  it("shows the server's field messages in the dialog and keeps it open", async () => {
    const user = userEvent.setup();
    answer = () => Response.json({ error: { code: "invalid_body", message: "Check the fields.", fields: { name: ["That name is taken"] } } }, { status: 400 });
    renderExplore("/explore?site=CDBUGS", { canSave: true, report: null });
    await user.click(screen.getByRole("button", { name: "Save" }));
    const dialog = await screen.findByRole("dialog", { name: "Save report" });
    await user.type(within(dialog).getByRole("textbox", { name: "Name" }), "Mine");
    await user.click(within(dialog).getByRole("button", { name: "Save report" }));
    expect(await within(dialog).findByText("That name is taken")).toBeTruthy();
    expect(within(dialog).getByText("Check the fields.")).toBeTruthy();
  });

  it("says a saved report that no longer exists, and lets the builder go on without it", async () => {
    renderExplore("/explore?report=99&site=CDBUGS&range=last_7_days", { canSave: true, report: null, missing: true });
    expect(screen.getByText("That saved report no longer exists.")).toBeTruthy();
    await waitFor(() => expect(window.location.search).toBe("?site=CDBUGS&range=last_7_days"));
    expect(screen.getByRole("combobox", { name: "Date range" })).toBeTruthy();
  });

  it("says when the saved query can't be read, and lets Save repair it", async () => {
    const user = userEvent.setup();
    answer = ({ body }) => Response.json(savedReport({ version: 4, query: (body as { query: unknown }).query }));
    const broken = savedReport({ query: { ...canonicalReportQuery(saved), metrics: ["time_on_page"] } });
    renderExplore("/explore?report=12&site=CDBUGS&range=last_7_days", { canSave: true, report: broken });
    expect(screen.getByText("The saved query of “Blog traffic” can't be read:")).toBeTruthy();
    expect(screen.getByText("Unsaved changes")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(screen.queryByText(/can't be read/)).toBeNull());
    expect(calls).toEqual([{ method: "PATCH", path: "/api/reports/12", body: { query: canonicalReportQuery(saved), baseVersion: 3 } }]);
  });

  it("shows viewers which saved report they are looking at, without saving", () => {
    renderExplore("/explore?report=12&site=CDBUGS&range=last_7_days", { canSave: false, report: savedReport() });
    expect(screen.getByText(/Saved report:/).textContent).toContain("Blog traffic");
    expect(screen.queryByRole("button", { name: "Save" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Save as new" })).toBeNull();
  });

  it("is left out of a printed page (app/globals.css hides data-print=hide)", () => {
    renderExplore("/explore?report=12&site=CDBUGS&range=last_7_days", { canSave: true, report: savedReport() });
    expect(screen.getByRole("region", { name: "Saved report" }).getAttribute("data-print")).toBe("hide");
  });
});
