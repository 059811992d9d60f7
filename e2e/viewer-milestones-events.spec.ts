import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { APP_URL } from "./support/env";
import { markRequests } from "./support/simulator";

// Journey: a viewer (joined through an invite) reads a site's milestones and events but gets no
// editing controls, and every write route answers 403 without anything reaching Fathom; the audit log
// is for admins only.
const SITE = "CDBUGS";

test("a viewer sees milestones and events without editing controls, and the write routes answer 403", async ({ page, browser }) => {
  const invite = await page.request.post("/api/invites", { data: { role: "viewer" } });
  expect(invite.status()).toBe(200);
  const token = String((await invite.json()).url).split("/invite/")[1]!;

  const context = await browser.newContext({ baseURL: APP_URL, storageState: { cookies: [], origins: [] } });
  try {
    const joined = await context.request.post(`/api/invites/${token}`, {
      data: { name: "Vera Viewer", email: `vera-${Date.now()}@example.com`, password: "viewer password 42" },
    });
    expect(joined.status()).toBe(200);
    const viewer = await context.newPage();

    await viewer.goto(`/sites/${SITE}/milestones`);
    await expect(viewer.getByRole("heading", { name: "Milestones", level: 1 })).toBeVisible();
    await expect(viewer.getByTestId("milestone").first()).toBeVisible();
    await expect(viewer.getByRole("heading", { name: "Add a milestone" })).toHaveCount(0);
    await expect(viewer.getByRole("button", { name: /Add milestone|Edit|Delete/ })).toHaveCount(0);
    await expect(viewer.getByRole("textbox")).toHaveCount(0);

    await viewer.goto(`/sites/${SITE}/events`);
    await expect(viewer.getByRole("heading", { name: "Events", level: 1 })).toBeVisible();
    const purchased = viewer.getByTestId("event").filter({ hasText: "Purchased product" });
    await expect(purchased.getByRole("link", { name: "Report on this event" })).toBeVisible();
    await expect(viewer.getByRole("heading", { name: "Create an event" })).toHaveCount(0);
    await expect(viewer.getByRole("button", { name: /Create event|Edit|Delete/ })).toHaveCount(0);

    const milestoneId = (await viewer.request.get(`/api/sites/${SITE}/milestones`).then((r) => r.json())).milestones[0].id as string;
    const mark = await markRequests();
    const writes: Array<[string, (api: APIRequestContext) => Promise<APIResponse>]> = [
      ["create milestone", (api) => api.post(`/api/sites/${SITE}/milestones`, { data: { name: "Viewer was here", milestone_date: "2024-03-01" } })],
      ["update milestone", (api) => api.patch(`/api/sites/${SITE}/milestones/${milestoneId}`, { data: { name: "Renamed", milestone_date: "2024-03-01" } })],
      ["delete milestone", (api) => api.delete(`/api/sites/${SITE}/milestones/${milestoneId}`)],
      ["create event", (api) => api.post(`/api/sites/${SITE}/events`, { data: { name: "Viewer event" } })],
      ["update event", (api) => api.patch(`/api/sites/${SITE}/events/ABCDEFGH`, { data: { name: "Renamed" } })],
      ["delete event", (api) => api.delete(`/api/sites/${SITE}/events/ABCDEFGH`)],
    ];
    for (const [what, send] of writes) {
      const response = await send(viewer.request);
      expect(response.status(), what).toBe(403);
      expect(((await response.json()) as { error: { code: string } }).error.code, what).toBe("forbidden");
    }
    expect((await mark.since(`/v1/sites/${SITE}`)).filter((request) => request.method !== "GET")).toEqual([]);

    await viewer.goto("/settings/audit");
    await expect(viewer.getByText("This page needs the admin role.")).toBeVisible();
    expect((await viewer.request.get("/api/admin/audit")).status()).toBe(403);
  } finally {
    await context.close();
  }
});
