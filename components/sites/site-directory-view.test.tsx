// @vitest-environment jsdom
import { cleanup, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { SiteDirectoryView } from "./site-directory-view";
import { SitesError } from "./sites-error";

afterEach(cleanup);

const sites = [
  {
    id: "CDBUGS",
    name: "Bugs Bunny Portfolio",
    timezone: "America/New_York",
    sharing: "private" as const,
    createdAt: "2020-07-27 12:01:01",
    events: [{ id: "ABCDEFGH", name: "Signed up to newsletter", createdAt: "2020-08-21 15:24:00" }],
    milestones: [{ id: "m1", name: "Website Redesign Launch", date: "2024-01-15", createdAt: "2024-01-10 12:00:00" }],
  },
  { id: "DAFFY", name: "Daffy's Website", timezone: null, sharing: "none" as const, createdAt: "2021-01-01 00:00:00", events: [], milestones: [] },
];

describe("SiteDirectoryView", () => {
  it("shows each site by name and id with its timezone, sharing, events and milestones", () => {
    const { container } = render(<SiteDirectoryView sites={sites} />);
    const bugs = container.querySelector('[data-testid="site"][data-site-id="CDBUGS"]') as HTMLElement;
    expect(bugs.dataset.siteName).toBe("Bugs Bunny Portfolio");
    const card = within(bugs);
    expect(card.getByRole("heading", { name: "Bugs Bunny Portfolio" })).toBeTruthy();
    expect(card.getByTestId("site-id").textContent).toBe("CDBUGS");
    expect(card.getByTestId("site-timezone").textContent).toBe("America/New_York");
    expect(card.getByTestId("site-sharing").textContent).toBe("Shared with a password");
    expect(card.getByText("Signed up to newsletter")).toBeTruthy();
    expect(card.getByText("Website Redesign Launch")).toBeTruthy();
    // The text a screen reader reads (jsdom's name computation drops the space before the sr-only part).
    expect(bugs.querySelector('a[href="/sites/CDBUGS/events"]')?.textContent).toBe("Open events of Bugs Bunny Portfolio");
    expect(bugs.querySelector('a[href="/sites/CDBUGS/milestones"]')?.textContent).toBe("Open milestones of Bugs Bunny Portfolio");
    expect(card.getByRole("region", { name: "Events of Bugs Bunny Portfolio" }).querySelector('[data-event-id="ABCDEFGH"]')).toBeTruthy();
    expect(card.getByTestId("site-milestones").querySelector('li[data-milestone-id="m1"] time')?.getAttribute("dateTime")).toBe("2024-01-15");

    const daffy = within(screen.getByRole("article", { name: "Daffy's Website" }));
    expect(daffy.getByTestId("site-timezone").textContent).toBe("Account default");
    expect(daffy.getByText("No events yet.")).toBeTruthy();
    expect(daffy.getByText("No milestones yet.")).toBeTruthy();
  });

  it("says so when the account has no sites", () => {
    render(<SiteDirectoryView sites={[]} />);
    expect(screen.getByTestId("sites-empty").textContent).toContain("no sites yet");
  });
});

describe("SitesError", () => {
  const rejected = { code: "fathom_unauthorized", message: "Fathom rejected the API token; an admin can fix it in Settings → Fathom connection." };

  it("links an admin to the connection settings when the token is the problem", () => {
    render(<SitesError error={rejected} isAdmin />);
    expect(screen.getByRole("link", { name: "Check the Fathom connection" }).getAttribute("href")).toBe("/settings/connection");
  });

  it("tells anyone else to ask an admin, and a rate-limited user when to retry", () => {
    render(<SitesError error={rejected} isAdmin={false} />);
    expect(screen.getByText("Ask an admin to check the Fathom connection in Settings.")).toBeTruthy();
    cleanup();
    render(<SitesError error={{ code: "fathom_rate_limited", message: "Fathom's request limit is reached.", retryAfter: 30 }} isAdmin />);
    expect(screen.getByRole("alert").textContent).toContain("in 30 s");
  });
});
