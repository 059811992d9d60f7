/**
 * Client shares on a real (in-memory) database: what the settings page and the public page rely on. A
 * share must point at something that exists; a password change, a rotation and a revocation end every
 * unlocked browser (the epoch); a rotated link stops at once; a revoked share is final; every change is in
 * the audit log, written with it or not at all, and the log never holds the password, the link or a locked
 * filter's value; views and failed unlocks are counted per UTC day and summed over 30.
 */
import { describe, expect, it } from "vitest";
import { isApiError } from "@/lib/api/errors";
import { verifyPassword } from "@/lib/auth/password";
import { createDashboardsService } from "@/lib/dashboards/dashboards-service";
import { newDashboardSchema } from "@/lib/dashboards/dashboard";
import { documentsTestDatabase, reportQuery } from "@/lib/reports/document-test-kit";
import { newSavedReportSchema } from "@/lib/reports/saved-report";
import { createSavedReportsService } from "@/lib/reports/saved-reports-service";
import { newShareSchema, shareChangeSchema, shareListSchema, shareSchema, type ShareSettings } from "./share";
import { testShareSettings } from "./share-test-kit";
import { createSharesService } from "./shares-service";

const SECRET_FILTER = "acme-secret.example";
const PASSWORD = "correct horse battery";
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

const settings = (change: Partial<ShareSettings> = {}): ShareSettings =>
  testShareSettings({
    window: { presets: ["last_7_days", "last_month"], defaultPreset: "last_month", floor: null, ceiling: null },
    lockedFilters: [{ property: "hostname", operator: "is", value: SECRET_FILTER }],
    lockedLabel: "Acme's site only",
    ...change,
  });

async function setup() {
  const kit = await documentsTestDatabase();
  const clock = { at: new Date("2026-05-01T10:00:00.000Z") };
  const deps = { db: kit.database, now: () => clock.at };
  const service = createSharesService(deps);
  const { editor, admin } = kit.people;
  const dashboard = (await createDashboardsService(deps).createDashboard(editor, newDashboardSchema.parse({ name: "Weekly" }))).id;
  const reports = createSavedReportsService(deps);
  const report = (await reports.createSavedReport(editor, newSavedReportSchema.parse({ name: "Blog", query: reportQuery() }))).id;
  const create = (body: Record<string, unknown> = {}) =>
    service.createShare(editor, newShareSchema.parse({ target: { kind: "dashboard", id: dashboard }, settings: settings(), ...body }), "https://sounding.example");
  const change = (id: number, body: unknown) => service.changeShare(admin, id, shareChangeSchema.parse(body), "https://sounding.example");
  const act = (id: number, action: "pause" | "resume" | "rotate" | "revoke") => service.actOnShare(editor, id, action, "https://sounding.example");
  const row = (id: number) => kit.db.selectFrom("shares").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
  const auditText = async () => JSON.stringify(await kit.db.selectFrom("audit_log").selectAll().execute());
  const shareCount = async () => (await kit.db.selectFrom("shares").select("id").execute()).length;
  return { ...kit, clock, service, dashboard, report, reports, editor, admin, create, change, act, row, auditText, shareCount };
}

async function refusal(work: Promise<unknown>) {
  try {
    await work;
  } catch (error) {
    if (isApiError(error)) return { status: error.status, code: error.code, message: error.message, fields: error.extra.fields };
    throw error;
  }
  throw new Error("it was not refused");
}

describe("creating and listing shares", () => {
  it("creates a share with its link, target, people and password hashed, and lists the newest first", async () => {
    const { service, create, report, row, audit } = await setup();
    const first = await create({ password: PASSWORD, expiresAt: "2026-06-01T02:00:00+02:00" });
    expect(shareSchema.parse(first)).toEqual(first);
    expect(first).toMatchObject({
      url: `https://sounding.example/share/${first.slug}`,
      target: { kind: "dashboard", name: "Weekly" },
      state: "active",
      hasPassword: true,
      hasLogo: false,
      expiresAt: "2026-06-01T00:00:00.000Z",
      revokedAt: null,
      createdBy: { id: 2, name: "Eddie" },
      updatedBy: { id: 2, name: "Eddie" },
      views30d: 0,
      lastViewedAt: null,
      unlockFailures30d: 0,
    });
    expect(first.slug).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const stored = await row(first.id);
    expect(stored.password_hash).not.toContain(PASSWORD);
    expect(await verifyPassword(PASSWORD, stored.password_hash!)).toBe(true);
    expect(stored).toMatchObject({ session_epoch: 1, revision: 1 });

    const second = await create({ target: { kind: "report", id: report } });
    expect(second.target).toEqual({ kind: "report", id: report, name: "Blog" });
    expect(second.slug).not.toBe(first.slug);
    const listed = await service.listShares("https://sounding.example");
    expect(shareListSchema.parse({ shares: listed }).shares).toEqual(listed);
    expect(listed.map((share) => share.id)).toEqual([second.id, first.id]);
    expect(await service.getShare(first.id, "https://other.example")).toMatchObject({ url: `https://other.example/share/${first.slug}` });
    expect((await audit()).filter((entry) => entry.action === "share.create")).toEqual([
      expect.objectContaining({ site_id: "", target_id: String(first.id), outcome: "ok", actor_name: "Eddie", summary: "Shared dashboard “Weekly” with Acme, with a password, until 2026-06-01 00:00 UTC" }),
      expect.objectContaining({ target_id: String(second.id), summary: "Shared saved report “Blog” with Acme" }),
    ]);
  });

  it("refuses a target that does not exist or is deleted, naming it, and writes nothing", async () => {
    const { create, reports, report, editor, shareCount, counts } = await setup();
    await reports.deleteSavedReport(editor, report);
    const before = await counts();
    expect(await refusal(create({ target: { kind: "dashboard", id: 404 } }))).toMatchObject({
      status: 400,
      code: "unknown_target",
      message: "There is no dashboard 404",
      fields: { "target.id": ["There is no dashboard 404"] },
    });
    expect(await refusal(create({ target: { kind: "report", id: report } }))).toMatchObject({ status: 400, message: `Saved report ${report} was deleted` });
    expect(await shareCount()).toBe(0);
    expect(await counts()).toEqual(before);
  });

  it("refuses an expiry that has passed, and a logo that is not the image it says, writing nothing", async () => {
    const { create, shareCount } = await setup();
    expect(await refusal(create({ expiresAt: "2026-05-01T10:00:00Z" }))).toMatchObject({ status: 400, code: "invalid_input", fields: { expiresAt: [expect.any(String)] } });
    expect(await refusal(create({ logo: { type: "image/png", base64: Buffer.from("<svg/>").toString("base64") } }))).toMatchObject({ status: 400, code: "invalid_logo" });
    expect(await shareCount()).toBe(0);
  });

  it("shows a removed team member as a former member", async () => {
    const { service, create, db } = await setup();
    const share = await create();
    await db.deleteFrom("users").where("id", "=", 2).execute();
    expect(await service.getShare(share.id, "https://sounding.example")).toMatchObject({ createdBy: { id: null, name: "Former member" } });
  });

  it("answers 404 for an unknown share", async () => {
    const { service, change, act } = await setup();
    for (const call of [() => service.getShare(99, "https://sounding.example"), () => change(99, { expiresAt: null }), () => act(99, "pause")]) {
      expect(await refusal(call())).toMatchObject({ status: 404, code: "share_not_found" });
    }
  });
});

describe("changing shares", () => {
  it("raises the epoch when the password is set or removed, and only the revision for other changes", async () => {
    const { create, change, row, audit, auditText } = await setup();
    const share = await create();
    const renamed = await change(share.id, { settings: settings({ clientName: "Acme Ltd", lockedFilters: [...settings().lockedFilters, { property: "utm_campaign", operator: "is", value: "spring" }] }) });
    expect(renamed).toMatchObject({ settings: { clientName: "Acme Ltd" }, updatedBy: { name: "Ada" }, hasPassword: false });
    expect(await row(share.id)).toMatchObject({ session_epoch: 1, revision: 2 });

    expect(await change(share.id, { password: PASSWORD })).toMatchObject({ hasPassword: true });
    expect(await row(share.id)).toMatchObject({ session_epoch: 2, revision: 3 });
    await change(share.id, { password: "another password" });
    expect(await row(share.id)).toMatchObject({ session_epoch: 3, revision: 4 });
    expect(await change(share.id, { password: null })).toMatchObject({ hasPassword: false });
    expect(await row(share.id)).toMatchObject({ session_epoch: 4, revision: 5, password_hash: null });

    expect((await audit()).filter((entry) => entry.action === "share.update").map((entry) => entry.summary)).toEqual([
      "Changed the share of dashboard “Weekly” with Acme Ltd: client renamed from Acme, locked filters (now 2 filters)",
      "Changed the share of dashboard “Weekly” with Acme Ltd: password set",
      "Changed the share of dashboard “Weekly” with Acme Ltd: password changed",
      "Changed the share of dashboard “Weekly” with Acme Ltd: password removed",
    ]);
    const log = await auditText();
    for (const secret of [share.slug, PASSWORD, "another password", SECRET_FILTER, "spring"]) expect(log).not.toContain(secret);
  });

  it("sets and removes the expiry and the logo, and writes nothing for a change to what the share already has", async () => {
    const { create, change, row, counts, service } = await setup();
    const share = await create();
    const logo = { type: "image/png", base64: PNG.toString("base64") };
    expect(await change(share.id, { expiresAt: "2026-07-01T00:00:00Z", logo })).toMatchObject({ expiresAt: "2026-07-01T00:00:00.000Z", hasLogo: true });
    expect(await service.shareLogo(share.slug)).toEqual({ bytes: expect.any(Uint8Array), type: "image/png" });
    expect(Buffer.from((await service.shareLogo(share.slug))!.bytes).equals(PNG)).toBe(true);
    const before = await counts();
    const { revision } = await row(share.id);
    for (const same of [{ expiresAt: "2026-07-01T02:00:00+02:00" }, { logo }, { settings: settings() }, { password: null }]) {
      expect(await change(share.id, same)).toMatchObject({ expiresAt: "2026-07-01T00:00:00.000Z", hasLogo: true });
    }
    expect(await counts()).toEqual(before);
    expect((await row(share.id)).revision).toBe(revision);
    expect(await change(share.id, { expiresAt: null, logo: null })).toMatchObject({ expiresAt: null, hasLogo: false });
    expect(await service.shareLogo(share.slug)).toBeNull();
    expect(await refusal(change(share.id, { expiresAt: "2026-04-30T00:00:00Z" }))).toMatchObject({ status: 400, fields: { expiresAt: [expect.any(String)] } });
  });
});

describe("pausing, resuming, rotating and revoking", () => {
  it("gives a new link on rotate, the old one stopping at once and every unlocked browser with it", async () => {
    const { service, create, act, audit, auditText } = await setup();
    const share = await create({ password: PASSWORD });
    const before = await service.findPublicShare(share.slug);
    const rotated = await act(share.id, "rotate");
    expect(rotated.slug).not.toBe(share.slug);
    expect(rotated.url).toBe(`https://sounding.example/share/${rotated.slug}`);
    expect(await service.findPublicShare(share.slug)).toBeNull();
    expect(await service.findPublicShare(rotated.slug)).toMatchObject({ id: share.id, sessionEpoch: before!.sessionEpoch + 1, revision: before!.revision + 1 });
    expect((await audit()).at(-1)).toMatchObject({ action: "share.rotate", summary: "Gave the share of dashboard “Weekly” with Acme a new link (the old one stopped working)" });
    const log = await auditText();
    for (const secret of [share.slug, rotated.slug, PASSWORD, SECRET_FILTER]) expect(log).not.toContain(secret);
  });

  it("pauses and resumes, each once, and a resumed share past its expiry stays expired", async () => {
    const { service, create, act, clock, audit } = await setup();
    const share = await create({ expiresAt: "2026-05-02T00:00:00Z" });
    expect(await act(share.id, "pause")).toMatchObject({ state: "paused" });
    expect(await act(share.id, "pause")).toMatchObject({ state: "paused" });
    expect(await service.findPublicShare(share.slug)).toMatchObject({ state: "paused", sessionEpoch: 1 });
    clock.at = new Date("2026-05-03T00:00:00Z");
    expect(await act(share.id, "resume")).toMatchObject({ state: "expired" });
    expect(await act(share.id, "resume")).toMatchObject({ state: "expired" });
    expect((await audit()).slice(-2)).toEqual([
      expect.objectContaining({ action: "share.pause", summary: "Paused the share of dashboard “Weekly” with Acme" }),
      expect.objectContaining({ action: "share.resume", summary: "Resumed the share of dashboard “Weekly” with Acme (it stays expired until its expiry is changed)" }),
    ]);
  });

  it("revokes for good: the epoch rises, the logo goes, nothing else is accepted, and revoking again changes nothing", async () => {
    const { service, create, act, change, row, counts, audit } = await setup();
    const share = await create({ logo: { type: "image/png", base64: PNG.toString("base64") } });
    const revoked = await act(share.id, "revoke");
    expect(revoked).toMatchObject({ state: "revoked", revokedAt: "2026-05-01T10:00:00.000Z" });
    expect(await row(share.id)).toMatchObject({ session_epoch: 2 });
    expect(await service.findPublicShare(share.slug)).toMatchObject({ state: "revoked" });
    expect(await service.shareLogo(share.slug)).toBeNull();
    expect((await audit()).at(-1)).toMatchObject({ action: "share.revoke", summary: "Revoked the share of dashboard “Weekly” with Acme" });
    const before = await counts();
    expect(await act(share.id, "revoke")).toEqual(revoked);
    for (const refused of [() => act(share.id, "pause"), () => act(share.id, "resume"), () => act(share.id, "rotate"), () => change(share.id, { password: PASSWORD })]) {
      expect(await refusal(refused())).toMatchObject({ status: 409, code: "share_revoked" });
    }
    expect(await counts()).toEqual(before);
    expect(await row(share.id)).toMatchObject({ session_epoch: 2, slug: share.slug });
  });

  it("writes nothing when the audit entry cannot be written", async () => {
    const { create, change, act, row, breakInserts, shareCount } = await setup();
    const share = await create();
    const before = await row(share.id);
    await breakInserts("audit_log");
    for (const work of [() => create(), () => change(share.id, { password: PASSWORD }), () => act(share.id, "rotate"), () => act(share.id, "pause"), () => act(share.id, "revoke")]) {
      await expect(work()).rejects.toThrow(/disk full/);
    }
    expect(await row(share.id)).toEqual(before);
    expect(await shareCount()).toBe(1);
  });
});

describe("the public side", () => {
  it("finds a share by its slug only, with what the page needs", async () => {
    const { service, create } = await setup();
    const share = await create({ password: PASSWORD, logo: { type: "image/png", base64: PNG.toString("base64") } });
    const found = await service.findPublicShare(share.slug);
    expect(found).toEqual({
      id: share.id,
      slug: share.slug,
      target: { kind: "dashboard", id: share.target.id },
      settings: settings(),
      passwordHash: expect.any(String),
      sessionEpoch: 1,
      revision: 1,
      state: "active",
      hasLogo: true,
    });
    expect(await verifyPassword(PASSWORD, found!.passwordHash!)).toBe(true);
    for (const slug of [`${share.slug}x`, share.slug.slice(1), `${share.slug.slice(0, 31)}/`, "A".repeat(32), ""]) {
      expect(await service.findPublicShare(slug), slug).toBeNull();
      expect(await service.shareLogo(slug), slug).toBeNull();
    }
    expect(await service.shareLogo((await create()).slug)).toBeNull();
  });

  it("counts views and failed unlocks per UTC day, and sums the last 30 days, today included", async () => {
    const { service, create, clock } = await setup();
    const viewed = await create();
    const never = await create();
    const on = async (iso: string, views: number, failures = 0) => {
      clock.at = new Date(iso);
      for (let n = 0; n < views; n++) await service.recordShareView(viewed.id);
      for (let n = 0; n < failures; n++) await service.recordUnlockFailure(viewed.id);
    };
    await on("2026-04-01T23:59:00Z", 5, 4); // 30 days before 2026-05-01: outside
    await on("2026-04-02T00:00:00Z", 2, 1); // the first of the 30 days
    await on("2026-05-01T08:00:00Z", 3, 2);
    await on("2026-05-01T09:30:00Z", 0, 1);
    await on("2026-05-01T10:00:00Z", 1);
    const list = await service.listShares("https://sounding.example");
    const of = (id: number) => list.find((share) => share.id === id);
    expect(of(viewed.id)).toMatchObject({ views30d: 6, unlockFailures30d: 4, lastViewedAt: "2026-05-01T10:00:00.000Z" });
    expect(of(never.id)).toMatchObject({ views30d: 0, unlockFailures30d: 0, lastViewedAt: null });
    clock.at = new Date("2026-05-30T23:59:00Z");
    expect(await service.getShare(viewed.id, "https://sounding.example")).toMatchObject({ views30d: 4, unlockFailures30d: 3, lastViewedAt: "2026-05-01T10:00:00.000Z" });
  });
});
