// @vitest-environment jsdom
import { cleanup, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { BRANDING, SECRETS, SLUG, dailyShareResult, shareView } from "./test-share-view";
import { SharePageView } from "./share-page-view";

afterEach(cleanup);

/** Intl writes no-break and thin spaces; compare text with plain ones. */
const plain = (text: string | null | undefined) => (text ?? "").replace(/\s/g, " ");

function renderView(embedded = false, view = shareView()) {
  return render(<SharePageView state={{ kind: "view", view }} slug={SLUG} embedded={embedded} />);
}

describe("a shared view", () => {
  it("renders the branding, one h1 and the landmarks", () => {
    const { container } = renderView();
    expect(screen.getAllByRole("heading", { level: 1 }).map((h) => h.textContent)).toEqual(["Monthly traffic"]);
    expect(screen.getByRole("banner")).toBeTruthy();
    expect(screen.getByRole("main")).toBeTruthy();
    expect(screen.getByRole("contentinfo").textContent).toContain("Made with Sounding");
    expect(screen.getByRole("img", { name: "Acme Widgets" }).getAttribute("src")).toBe(`/share/${SLUG}/logo`);
    expect(screen.getByText("acme.com only")).toBeTruthy();
    expect(screen.getByText("Acme").tagName).toBe("STRONG");
    expect(container.querySelector<HTMLElement>("[data-share-page]")!.style.getPropertyValue("--share-accent")).toBe("#0f766e");
  });

  it("renders every tile in order, with its title", () => {
    const { container } = renderView();
    const tiles = [...container.querySelectorAll("[data-share-tile]")];
    expect(tiles.map((tile) => tile.getAttribute("data-tile-kind"))).toEqual(["report", "report", "report", "report", "text", "report"]);
    expect(screen.getAllByRole("heading", { level: 2 }).map((h) => h.textContent)).toEqual(["Totals", "Visits by day", "Top pages", "Pages at a glance", "A note", "Deleted report"]);
    expect(within(tiles[5] as HTMLElement).getByText("This report is no longer available.")).toBeTruthy();
  });

  it("shows the totals as figures with the change and the compared dates", () => {
    const { container } = renderView();
    const cards = container.querySelector<HTMLElement>('[data-tile-kind="report"] [data-share-cards]')!;
    const visits = cards.querySelector<HTMLElement>('[data-metric="visits"]')!;
    expect(within(visits).getByText("Visits").tagName).toBe("DT");
    expect(visits.textContent).toContain("4,321");
    expect(plain(visits.textContent)).toContain("Up 8%");
    expect(plain(visits.textContent)).toContain("vs Oct 2 – 31, 2026 (4,000)");
    expect(visits.querySelector('[data-change="good"]')).toBeTruthy();
    // Bounce rate down is good news.
    const bounce = cards.querySelector<HTMLElement>('[data-metric="bounce_rate"]')!;
    expect(plain(bounce.textContent)).toContain("42.0%");
    expect(plain(bounce.textContent)).toContain("Down 16%");
    expect(bounce.querySelector('[data-change="good"]')).toBeTruthy();
  });

  it("draws the date series as an SVG line with the comparison and milestones, named for screen readers", () => {
    const { container } = renderView();
    const chartTile = container.querySelectorAll<HTMLElement>("[data-share-tile]")[1]!;
    const chart = within(chartTile).getByRole("img");
    expect(chart.tagName.toLowerCase()).toBe("svg");
    const name = plain(chart.getAttribute("aria-label"));
    expect(name).toContain("Line chart of Visits, daily");
    expect(name).toContain("Highest 1,234 on Thu, Nov 12, 2026");
    expect(name).toContain("A dashed line shows the previous period");
    expect(name).toContain("Spring launch");
    expect(chart.querySelectorAll('[data-series="current"]')).toHaveLength(1);
    expect(chart.querySelectorAll('[data-series="previous"]')).toHaveLength(1);
    expect(chart.querySelector('[data-milestone="2026-11-06"] title')?.textContent).toBe("Spring launch");
    expect(within(within(chartTile).getByRole("list", { name: "Milestones" })).getByText("Spring launch")).toBeTruthy();
    // A chart-only tile still has its figures as a table.
    expect(within(chartTile).getByRole("table")).toBeTruthy();
  });

  it("leaves the line open over buckets that have not happened yet", () => {
    const result = dailyShareResult({ rows: dailyShareResult().rows.slice(0, 20), compare: "none", comparison: undefined, milestones: [] });
    const view = shareView({ tiles: [{ kind: "report", id: "partial", size: "full", view: "chart", title: "So far", result, problem: null }] });
    const { container } = renderView(false, view);
    const line = container.querySelector('[data-series="current"]')!;
    expect(line.getAttribute("points")!.split(" ")).toHaveLength(20);
    expect(container.querySelector('[data-series="previous"]')).toBeNull();
  });

  it("renders a real table: caption, scoped headers, numbers on the right, at most 50 rows", () => {
    const { container } = renderView();
    const tableTile = container.querySelectorAll<HTMLElement>("[data-share-tile]")[2]!;
    const table = within(tableTile).getByRole("table");
    expect(plain(table.querySelector("caption")?.textContent)).toBe("Top pages, Nov 1 – 30, 2026 — the first 50 of 60 rows");
    expect([...table.querySelectorAll("thead th")].map((th) => [th.textContent, th.getAttribute("scope")])).toEqual([
      ["Page", "col"],
      ["Pageviews", "col"],
      ["% of pageviews", "col"],
    ]);
    const rows = table.querySelectorAll("tbody tr");
    expect(rows).toHaveLength(50);
    const firstRow = rows[0]!;
    expect(firstRow.querySelector("th")?.getAttribute("scope")).toBe("row");
    expect(firstRow.querySelector("th")?.textContent).toBe("/page-1");
    const [pageviews, share] = [...firstRow.querySelectorAll("td")];
    expect(pageviews?.textContent).toBe("1,000");
    expect(pageviews?.className).toContain("text-right");
    expect(share?.textContent).toBe("2.0%");
    expect(within(tableTile).getByText("And 10 more rows not shown here.")).toBeTruthy();
    // The scrolling box is focusable, so a keyboard can scroll it.
    expect(tableTile.querySelector("[data-share-scroll]")?.getAttribute("tabindex")).toBe("0");
  });

  it("shows a field grouping as bars, and all three parts for an 'all' tile", () => {
    const { container } = renderView();
    const allTile = container.querySelectorAll<HTMLElement>("[data-share-tile]")[3]!;
    expect(allTile.querySelector("[data-share-cards]")).toBeTruthy();
    expect(within(allTile).getByRole("table")).toBeTruthy();
    const bars = within(allTile).getByRole("img");
    expect(bars.getAttribute("data-share-chart")).toBe("bar");
    expect(bars.getAttribute("aria-label")).toBe("Bar chart of Pageviews by Page, top 5: /page-1 1,000, /page-2 999, /page-3 998, /page-4 997, /page-5 996.");
    expect(bars.querySelectorAll("rect")).toHaveLength(10);
  });

  it("links to the allowed ranges and marks the current one", () => {
    renderView();
    const nav = screen.getByRole("navigation", { name: "Date range" });
    const links = within(nav).getAllByRole("link");
    expect(links.map((link) => [link.textContent, link.getAttribute("href"), link.getAttribute("aria-current")])).toEqual([
      ["Last 30 days", "?range=last_30_days", null],
      ["Last month", "?range=last_month", "page"],
    ]);
    expect(plain(document.querySelector("[data-share-dates]")?.textContent)).toBe("Showing Nov 1 – 30, 2026 (last month)");
  });

  it("offers no switcher for a single range, and says when the window cut the dates", () => {
    const view = shareView();
    renderView(false, { ...view, window: { presets: ["last_month"], current: "last_month", startDate: "2026-11-10", endDate: "2026-11-30", cut: "From 10 Nov 2026, when the contract started." } });
    expect(screen.queryByRole("navigation", { name: "Date range" })).toBeNull();
    expect(screen.getByText("From 10 Nov 2026, when the contract started.")).toBeTruthy();
  });

  it("says when the figures were fetched, and when some are a last good answer", () => {
    renderView(false, { ...shareView(), stale: true, madeWith: false });
    const footer = screen.getByRole("contentinfo");
    expect(plain(footer.textContent)).toContain("Figures as of Dec 1, 2026, 10:30 AM (Europe/Berlin time); some figures are from the last good answer");
    expect(footer.querySelector("time")?.getAttribute("datetime")).toBe("2026-12-01T09:30:00.000Z");
    expect(footer.textContent).not.toContain("Made with Sounding");
  });

  it("drops the header when embedded, keeps the h1 for screen readers and embed=1 in its links", () => {
    const { container } = renderView(true);
    expect(screen.queryByRole("banner")).toBeNull();
    expect(container.querySelector("[data-share-logo]")).toBeNull();
    expect(screen.queryByText("acme.com only")).toBeNull();
    expect(screen.getByRole("heading", { level: 1, name: "Monthly traffic" }).className).toContain("sr-only");
    const links = within(screen.getByRole("navigation", { name: "Date range" })).getAllByRole("link");
    expect(links.map((link) => link.getAttribute("href"))).toEqual(["?range=last_30_days&embed=1", "?range=last_month&embed=1"]);
  });

  it("ignores an accent that is not a plain #rrggbb", () => {
    const { container } = renderView(false, { ...shareView(), accent: "red;background:url(https://x.example)" });
    expect(container.querySelector<HTMLElement>("[data-share-page]")!.getAttribute("style")).toBeNull();
  });

  it("prints nothing the server holds beside the view, and no outside address", () => {
    const { container } = renderView();
    const html = container.innerHTML;
    for (const secret of SECRETS) expect(html).not.toContain(secret);
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toContain("@");
  });
});

describe("a locked share", () => {
  const locked = (error: "wrong" | "locked" | null, retryMinutes: number | null = null) => ({ kind: "locked" as const, branding: BRANDING, error, retryMinutes });

  it("asks for the password with a form that posts to the unlock route, carrying the range", () => {
    const { container } = render(<SharePageView state={locked(null)} slug={SLUG} embedded={false} range="last_month" />);
    expect(screen.getByRole("heading", { level: 1, name: "This page is protected" })).toBeTruthy();
    expect(screen.getByRole("img", { name: "Acme Widgets" })).toBeTruthy();
    const form = container.querySelector("form")!;
    expect(form.getAttribute("method")).toBe("post");
    expect(form.getAttribute("action")).toBe(`/share/${SLUG}/unlock`);
    const input = screen.getByLabelText("Password");
    expect([input.getAttribute("type"), input.getAttribute("name"), input.getAttribute("autocomplete"), input.hasAttribute("required")]).toEqual(["password", "password", "current-password", true]);
    expect(form.querySelector<HTMLInputElement>('input[type="hidden"][name="range"]')?.value).toBe("last_month");
    expect(screen.getByRole("button", { name: "Unlock" }).getAttribute("type")).toBe("submit");
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("does not carry a range that is not a preset", () => {
    const { container } = render(<SharePageView state={locked(null)} slug={SLUG} embedded={false} range={'"><script>'} />);
    expect(container.querySelector('input[name="range"]')).toBeNull();
  });

  it("says a wrong password is wrong, from the state or from ?unlock=wrong", () => {
    render(<SharePageView state={locked("wrong")} slug={SLUG} embedded={false} />);
    expect(screen.getByRole("alert").textContent).toBe("That password is not right. Try again.");
    cleanup();
    render(<SharePageView state={locked(null)} slug={SLUG} embedded={false} unlockFailed />);
    expect(screen.getByRole("alert").textContent).toBe("That password is not right. Try again.");
    expect(screen.getByLabelText("Password").getAttribute("aria-invalid")).toBe("true");
  });

  it("says how long an address is locked out", () => {
    render(<SharePageView state={locked("locked", 12)} slug={SLUG} embedded={false} />);
    expect(screen.getByRole("alert").textContent).toBe("Too many wrong passwords from your address. Try again in 12 minutes.");
  });
});

describe("a refused link", () => {
  it("shows its reason and nothing else", () => {
    const { container } = render(<SharePageView state={{ kind: "refused", reason: "paused", title: "This page is paused", message: "Ask whoever sent you the link." }} slug={SLUG} embedded={false} />);
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("This page is paused");
    expect(container.textContent).toBe("This page is pausedAsk whoever sent you the link.");
    expect(container.querySelector("img, form, nav, header, footer")).toBeNull();
  });
});

describe("a range outside the window", () => {
  it("says so under the branding and links to the allowed ranges", () => {
    render(<SharePageView state={{ kind: "bad_range", branding: BRANDING, message: "Pick one of the shared ranges.", presets: ["last_30_days", "last_month"] }} slug={SLUG} embedded />);
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("That date range isn't part of what was shared.");
    const links = within(screen.getByRole("navigation", { name: "Shared date ranges" })).getAllByRole("link");
    expect(links.map((link) => [link.textContent, link.getAttribute("href")])).toEqual([
      ["Last 30 days", "?range=last_30_days&embed=1"],
      ["Last month", "?range=last_month&embed=1"],
    ]);
  });

  it("links to the shared dates when the share has only its own range", () => {
    render(<SharePageView state={{ kind: "bad_range", branding: BRANDING, message: "", presets: [] }} slug={SLUG} embedded={false} />);
    expect(screen.getByRole("banner")).toBeTruthy();
    expect(screen.getByRole("link", { name: "See the shared dates" }).getAttribute("href")).toBe(`/share/${SLUG}`);
  });
});
