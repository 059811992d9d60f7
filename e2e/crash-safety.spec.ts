import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import SQLite from "better-sqlite3";
import { auditPageSchema, type AuditEntry } from "../lib/audit/audit-entry";
import type { SimulatorServer } from "../lib/simulator/server";
import { root } from "../scripts/build-if-needed.mjs";
import { OWN_TOKEN, startOwnServer, startOwnSimulator, type OwnServer } from "./support/own-stack";
import { createTeam, jsonHeaders, signIn, type Team } from "./support/team";

// Journey: the server is killed mid-burst and nothing acknowledged is lost; the database can be backed up
// while it runs and restored. A production server of this spec's own, on its own simulator and a DATA_DIR
// this spec manages (so it survives the server being stopped), is killed with SIGKILL while an editor's
// burst of milestone writes is in flight, restarted, and checked against Fathom, the audit log and SQLite;
// then `npm run backup` copies the database under a writer, `npm run restore` is refused while the server
// runs and, once it is stopped, puts the backup back: what the backup held is there, what came after is not.
const SITE = "CDBUGS";
const run = String(Date.now() % 100_000);
/** How long Fathom takes to answer each request during the burst: long enough for writes to be in flight at the kill. */
const BURST_LATENCY_MS = 300;
const BURST_CREATES = 40;
/** The server is killed as soon as this many of the burst's writes have been acknowledged. */
const KILL_AFTER_ACKS = 10;
/** How every entry settled at start begins its detail (lib/audit/reconcile.ts). */
const STOPPED = "Sounding stopped before Fathom answered";
const SETTLED = ["ok", "failed", "unknown"];

type Milestone = { id: string; name: string; milestone_date: string };
type Row = { id: number; action: string; target_id: string | null; summary: string; outcome: string; detail: string | null; intent_json: string | null };
type Write = {
  kind: "create" | "update" | "delete";
  /** The name sent (create, update) or the name of the milestone deleted. */
  name: string;
  date: string;
  /** The milestone changed or deleted. */
  targetId?: string;
  /** The answer's status; undefined when no answer came (the server died first). */
  status?: number;
};

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const acked = (write: Write) => write.status !== undefined && write.status >= 200 && write.status < 300;
const intentName = (row: Pick<Row, "intent_json">) => (row.intent_json ? (JSON.parse(row.intent_json) as { name?: string }).name : undefined);

/** Reads DATA_DIR/sounding.db (or any copy) read-only, as an admin's sqlite3 shell would, without changing it. */
function readDatabase<T>(file: string, read: (db: SQLite.Database) => T): T {
  const db = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}
const integrity = (db: SQLite.Database) => (db.prepare("PRAGMA integrity_check").pluck().all() as string[]).join("; ");
const auditRows = (db: SQLite.Database) =>
  db.prepare("SELECT id, action, target_id, summary, outcome, detail, intent_json FROM audit_log ORDER BY id").all() as Row[];

/** `npm run backup` / `npm run restore`, as an admin runs them on the server's DATA_DIR. */
const cliChildren = new Set<number>();
function soundingCli(dataDir: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "lib/store/backup-cli.ts", ...args], {
      cwd: root,
      env: { ...process.env, DATA_DIR: dataDir },
      stdio: ["ignore", "pipe", "pipe"],
    });
    cliChildren.add(child.pid!);
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += String(chunk)));
    child.stderr.on("data", (chunk) => (stderr += String(chunk)));
    child.once("error", reject);
    child.once("close", (code) => {
      cliChildren.delete(child.pid!);
      resolve({ code, stdout, stderr });
    });
  });
}

test.describe.serial("crash safety: a killed server, a backup and a restore", () => {
  let sim: SimulatorServer;
  let own: OwnServer;
  let team: Team;
  let folder: string;
  let dataDir: string;
  let database: string;

  test.beforeAll(async () => {
    folder = mkdtempSync(path.join(os.tmpdir(), "sounding-crash-"));
    dataDir = path.join(folder, "data");
    database = path.join(dataDir, "sounding.db");
    sim = await startOwnSimulator();
    own = await startOwnServer({ simUrl: sim.url, dataDir });
    team = await createTeam(own.url);
  });

  test.afterAll(async () => {
    for (const pid of cliChildren) {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
    await own?.stop();
    await sim?.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  /** Every milestone of the site as Fathom (the simulator) has it now, all pages. */
  async function fathomMilestones(): Promise<Milestone[]> {
    const all: Milestone[] = [];
    for (let after: string | undefined; ; ) {
      const response = await fetch(`${sim.url}/v1/sites/${SITE}/milestones?limit=100${after ? `&starting_after=${after}` : ""}`, {
        headers: { Authorization: `Bearer ${OWN_TOKEN}` },
      });
      expect(response.status).toBe(200);
      const page = (await response.json()) as { has_more: boolean; data: Milestone[] };
      all.push(...page.data);
      if (!page.has_more) return all;
      after = page.data[page.data.length - 1]!.id;
    }
  }

  /** The whole audit log as the admin reads it through the API, newest first. */
  async function auditLog(cookie = team.admin.cookie): Promise<AuditEntry[]> {
    const entries: AuditEntry[] = [];
    for (let before: number | null = null; ; ) {
      const response: Response = await fetch(`${own.url}/api/admin/audit?limit=200${before ? `&before=${before}` : ""}`, { headers: { Cookie: cookie } });
      expect(response.status).toBe(200);
      const page = auditPageSchema.parse(await response.json());
      entries.push(...page.entries);
      if (page.nextBefore === null) return entries;
      before = page.nextBefore;
    }
  }

  /** The audit log once the start-up reconciliation has settled every entry a previous process left pending. */
  async function settledAuditLog(): Promise<AuditEntry[]> {
    await expect.poll(async () => (await auditLog()).filter((entry) => entry.outcome === "pending").map((entry) => entry.id), { timeout: 30_000 }).toEqual([]);
    return auditLog();
  }

  async function createMilestone(name: string, date: string): Promise<Response> {
    return fetch(`${own.url}/api/sites/${SITE}/milestones`, {
      method: "POST",
      headers: jsonHeaders(own.url, team.editor.cookie),
      body: JSON.stringify({ name, milestone_date: date }),
    });
  }

  function send(write: Write): Promise<Response> {
    if (write.kind === "create") return createMilestone(write.name, write.date);
    return fetch(`${own.url}/api/sites/${SITE}/milestones/${write.targetId}`, {
      method: write.kind === "update" ? "PATCH" : "DELETE",
      headers: jsonHeaders(own.url, team.editor.cookie),
      body: write.kind === "update" ? JSON.stringify({ name: write.name, milestone_date: write.date }) : undefined,
    });
  }

  test("SIGKILL during a burst of writes: every acknowledged write is kept, the rest are settled against Fathom at start", async () => {
    // Six milestones made before the burst, for the burst to rename and delete.
    const earlier: Milestone[] = [];
    for (let i = 0; i < 6; i++) {
      const response = await createMilestone(`Early ${run} ${i}`, daysAgo(40 + i));
      expect(response.status).toBe(201);
      const { milestone } = (await response.json()) as { milestone: { id: string; name: string; date: string } };
      earlier.push({ id: milestone.id, name: milestone.name, milestone_date: milestone.date });
    }
    const lastIdBefore = Math.max(...(await auditLog()).map((entry) => entry.id));

    // The burst: 40 creates, with renames and deletes of the earlier ones among them (early and late).
    const burst: Write[] = Array.from({ length: BURST_CREATES }, (_, i) => ({ kind: "create", name: `Burst ${run} c${i}`, date: daysAgo(1 + (i % 20)) }));
    const changes: Array<[number, Write]> = [
      [2, { kind: "update", name: `Burst ${run} u0`, date: daysAgo(30), targetId: earlier[0]!.id }],
      [5, { kind: "delete", name: earlier[3]!.name, date: earlier[3]!.milestone_date, targetId: earlier[3]!.id }],
      [20, { kind: "update", name: `Burst ${run} u1`, date: daysAgo(31), targetId: earlier[1]!.id }],
      [28, { kind: "delete", name: earlier[4]!.name, date: earlier[4]!.milestone_date, targetId: earlier[4]!.id }],
      [36, { kind: "update", name: `Burst ${run} u2`, date: daysAgo(32), targetId: earlier[2]!.id }],
      [42, { kind: "delete", name: earlier[5]!.name, date: earlier[5]!.milestone_date, targetId: earlier[5]!.id }],
    ];
    for (const [at, write] of changes) burst.splice(at, 0, write);

    sim.simulator.control.setLatency(BURST_LATENCY_MS);
    let ackCount = 0;
    let killing: Promise<void> | undefined;
    let unansweredAtKill = 0;
    const answered = await Promise.allSettled(
      burst.map(async (write) => {
        const response = await send(write);
        write.status = response.status;
        if (acked(write) && ++ackCount === KILL_AFTER_ACKS) {
          unansweredAtKill = burst.filter((other) => other.status === undefined).length;
          killing = own.kill9();
        }
        await response.arrayBuffer().catch(() => undefined);
      }),
    );
    expect(killing, "the server was killed before the burst was over").toBeDefined();
    await killing;
    // Requests that had reached Fathom when the server died are still carried out there, after its latency.
    await sleep(2 * BURST_LATENCY_MS);
    sim.simulator.control.setLatency(0);

    const acknowledged = burst.filter(acked);
    const unanswered = burst.filter((write) => write.status === undefined);
    // Every request either was acknowledged or got no answer at all: nothing was refused.
    expect(burst.filter((write) => write.status !== undefined && !acked(write)).map((write) => [write.name, write.status])).toEqual([]);
    expect(answered.filter((result) => result.status === "rejected")).toHaveLength(unanswered.length);
    expect(unansweredAtKill, "writes still in flight when the server was killed").toBeGreaterThanOrEqual(20);

    // While the server is down: the database is intact, and every acknowledged write is settled as done in it.
    const burstRows = readDatabase(database, (db) => {
      expect(integrity(db)).toBe("ok");
      return auditRows(db).filter((row) => row.id > lastIdBefore);
    });
    const rowOf = (write: Write) =>
      burstRows.filter((row) =>
        write.kind === "create" ? row.action === "milestone.create" && intentName(row) === write.name : row.action === `milestone.${write.kind}` && row.target_id === write.targetId,
      );
    for (const write of burst) expect(rowOf(write).length, `${write.kind} ${write.name}: one audit entry at most`).toBeLessThanOrEqual(1);
    for (const write of acknowledged) {
      expect(rowOf(write), `acknowledged ${write.kind} ${write.name}`).toEqual([expect.objectContaining({ outcome: "ok" })]);
      if (write.kind === "create") expect(rowOf(write)[0]!.target_id).toEqual(expect.any(String));
    }
    expect([...new Set(burstRows.map((row) => row.outcome))].sort()).toEqual(["ok", "pending"]);
    const pendingAtKill = burstRows.filter((row) => row.outcome === "pending");

    // Fathom has every acknowledged create, under the id the audit log gave it, and every acknowledged change.
    const fathom = await fathomMilestones();
    const byId = new Map(fathom.map((milestone) => [milestone.id, milestone]));
    for (const write of acknowledged) {
      if (write.kind === "create") {
        expect(fathom.filter((milestone) => milestone.name === write.name).map((milestone) => milestone.id), write.name).toEqual([rowOf(write)[0]!.target_id]);
      } else if (write.kind === "update") {
        expect(byId.get(write.targetId!), write.name).toMatchObject({ name: write.name, milestone_date: `${write.date} 00:00:00` });
      } else {
        expect(byId.has(write.targetId!), `deleted ${write.name}`).toBe(false);
      }
    }

    // The same DATA_DIR again: sessions, the team and the audit log come back with it.
    await own.restart();
    expect(await (await fetch(`${own.url}/api/health`)).json()).toEqual({ ok: true });
    const log = await settledAuditLog();
    const entryOf = new Map(log.map((entry) => [entry.id, entry]));
    expect(log.every((entry) => SETTLED.includes(entry.outcome))).toBe(true);
    for (const entry of log) if (entry.outcome === "unknown") expect(entry.detail, `unknown entry ${entry.id}`).toBeTruthy();

    // The acknowledged writes are listed as done by the write itself: nothing had to be reconciled for them.
    for (const write of acknowledged) {
      const row = rowOf(write)[0]!;
      expect(entryOf.get(row.id), `acknowledged ${write.kind} ${write.name}`).toMatchObject({ outcome: "ok", detail: null, targetId: row.target_id });
    }
    // Each entry left pending is settled with a detail saying so, and its verdict agrees with Fathom.
    const verdicts = { ok: 0, failed: 0, unknown: 0 };
    for (const row of pendingAtKill) {
      const entry = entryOf.get(row.id)!;
      expect(entry.detail, `entry ${row.id}`).toMatch(new RegExp(`^${STOPPED}`));
      verdicts[entry.outcome as keyof typeof verdicts] += 1;
    }
    for (const row of burstRows) {
      const entry = entryOf.get(row.id)!;
      const name = intentName(row);
      let done: boolean;
      if (row.action === "milestone.create") {
        const made = fathom.filter((milestone) => milestone.name === name);
        done = made.length > 0;
        if (done) expect(entry.targetId, `${entry.summary}: the id Fathom gave it`).toBe(made[0]!.id);
      } else if (row.action === "milestone.update") {
        done = byId.get(row.target_id!)?.name === name;
      } else {
        done = !byId.has(row.target_id!);
      }
      expect(entry.outcome, `${entry.summary} (${entry.detail ?? "no detail"})`).toBe(done ? "ok" : "failed");
    }
    // Nothing Fathom did in the burst goes unrecorded.
    for (const milestone of fathom.filter((item) => item.name.startsWith(`Burst ${run} c`))) {
      expect(log.filter((entry) => entry.action === "milestone.create" && entry.targetId === milestone.id && entry.outcome === "ok"), milestone.name).toHaveLength(1);
    }
    // Writes that reached Fathom without being acknowledged are found there; writes still queued are known not done.
    expect(verdicts.ok, "pending writes Fathom had carried out").toBeGreaterThanOrEqual(1);
    expect(verdicts.failed, "pending writes that never reached Fathom").toBeGreaterThanOrEqual(1);
    expect(own.output()).toContain(
      `settled ${pendingAtKill.length} write(s) left pending when Sounding last stopped (${verdicts.ok} done, ${verdicts.failed} not done, ${verdicts.unknown} unknown)`,
    );

    // The editor's session outlived the process: they list the site's milestones and write again.
    const session = await fetch(`${own.url}/api/session`, { headers: { Cookie: team.editor.cookie } });
    expect(session.status).toBe(200);
    expect((await session.json()).user).toMatchObject({ email: team.editor.email, role: "editor" });
    const listed = await fetch(`${own.url}/api/sites/${SITE}/milestones`, { headers: { Cookie: team.editor.cookie } });
    expect(listed.status).toBe(200);
    const listedNames = new Set(((await listed.json()) as { milestones: Milestone[] }).milestones.map((milestone) => milestone.name));
    for (const write of acknowledged.filter((item) => item.kind !== "delete")) expect(listedNames.has(write.name), write.name).toBe(true);
    const yesterday = daysAgo(1);
    const again = await createMilestone(`After ${run}`, yesterday);
    expect(again.status).toBe(201);
    const [latest] = await auditLog();
    expect(latest).toMatchObject({ action: "milestone.create", summary: `Created milestone “After ${run}” on ${yesterday}`, outcome: "ok" });
    expect(readDatabase(database, integrity)).toBe("ok");

    const observed =
      `${burst.length} writes in the burst, killed once ${KILL_AFTER_ACKS} were acknowledged, with ${unansweredAtKill} unanswered; ` +
      `${acknowledged.length} acknowledged in all, ${unanswered.length} never answered; ${burstRows.length} audit entries, ${pendingAtKill.length} pending at the kill → ` +
      `settled ${verdicts.ok} ok, ${verdicts.failed} failed, ${verdicts.unknown} unknown; ${burst.length - burstRows.length} never recorded`;
    test.info().annotations.push({ type: "observed", description: observed });
    console.log(`[crash-safety] ${observed}`);
  });

  test("backup while the server writes; restore refused while it runs, then brings back exactly what the backup held", async () => {
    const backupFile = path.join(folder, "sounding-backup.db");
    type Timed = { name: string; date: string; sentAt: number; ackedAt?: number };
    const writes: Timed[] = [];
    let writing = true;
    const writer = (async () => {
      for (let n = 0; writing; n++) {
        const write: Timed = { name: `Writer ${run} ${n}`, date: daysAgo(1 + (n % 30)), sentAt: Date.now() };
        writes.push(write);
        const response = await createMilestone(write.name, write.date);
        expect(response.status, write.name).toBe(201);
        await response.arrayBuffer();
        write.ackedAt = Date.now();
      }
    })();
    const ackedCount = (since = 0) => writes.filter((write) => write.sentAt >= since && write.ackedAt !== undefined).length;

    await expect.poll(() => ackedCount()).toBeGreaterThanOrEqual(5);
    const backupStartedAt = Date.now();
    const backup = await soundingCli(dataDir, ["backup", "--out", backupFile]);
    const backupEndedAt = Date.now();
    await expect.poll(() => ackedCount(backupEndedAt)).toBeGreaterThanOrEqual(5);
    writing = false;
    await writer;
    // The server kept answering writes while the backup ran.
    expect(writes.filter((write) => write.sentAt >= backupStartedAt && write.ackedAt! <= backupEndedAt).length).toBeGreaterThanOrEqual(1);

    expect(backup, backup.stderr).toMatchObject({ code: 0, stderr: "" });
    expect(backup.stdout).toContain(`Backed up ${database}\nto ${backupFile} (`);
    expect(backup.stdout).toContain("integrity check: ok");
    expect(backup.stdout).toMatch(/^ +users +3$/m);
    const auditCount = Number(/^ +audit_log +(\d+)$/m.exec(backup.stdout)?.[1]);

    // The copy: one intact, self-contained file with the team and a consistent prefix of the audit log.
    const held = readDatabase(backupFile, (db) => {
      expect(integrity(db)).toBe("ok");
      expect(db.pragma("journal_mode", { simple: true })).toBe("delete");
      expect((db.prepare("SELECT email FROM users ORDER BY email").pluck().all() as string[]).sort()).toEqual(
        [team.admin.email, team.editor.email, team.viewer.email].sort(),
      );
      return auditRows(db);
    });
    expect(existsSync(`${backupFile}-wal`)).toBe(false);
    expect(held).toHaveLength(auditCount);
    expect(held.map((row) => row.id)).toEqual(Array.from({ length: auditCount }, (_, i) => i + 1));
    const heldNames = new Set(held.map(intentName));
    expect(held.some((row) => intentName(row) === `Burst ${run} c0`), "the previous test's entries").toBe(true);
    for (const write of writes.filter((item) => item.ackedAt! < backupStartedAt)) {
      expect(held.find((row) => intentName(row) === write.name), `acknowledged before the backup: ${write.name}`).toMatchObject({ outcome: "ok" });
    }
    const afterBackup = writes.filter((write) => write.sentAt > backupEndedAt);
    for (const write of afterBackup) expect(heldNames.has(write.name), `sent after the backup: ${write.name}`).toBe(false);

    // A session begun after the backup, to show it is gone once the backup is back.
    const lateViewer = await signIn(own.url, team.viewer);
    expect((await fetch(`${own.url}/api/session`, { headers: { Cookie: lateViewer } })).status).toBe(200);

    // Restore while the server runs: refused, and nothing is touched.
    const filesBefore = readdirSync(dataDir).sort();
    const refused = await soundingCli(dataDir, ["restore", backupFile]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`A Sounding server (process ${own.pid()}) is running on ${dataDir}. Stop the server first, then restore.`);
    expect(refused.stdout).toBe("");
    expect(readdirSync(dataDir).sort()).toEqual(filesBefore);
    const stillLive = new Set((await auditLog()).map((entry) => entry.summary));
    for (const write of afterBackup) expect(stillLive.has(`Created milestone “${write.name}” on ${write.date}`), write.name).toBe(true);

    // Stopped, the backup goes back in; the database it replaces is kept beside it.
    await own.stop();
    const restored = await soundingCli(dataDir, ["restore", backupFile]);
    expect(restored, restored.stderr).toMatchObject({ code: 0, stderr: "" });
    expect(restored.stdout).toContain(`Restored ${backupFile}\ninto ${database} (integrity check: ok)`);
    const kept = /^The database it replaced is kept as (.+)\.$/m.exec(restored.stdout)?.[1];
    expect(kept).toMatch(new RegExp(`^${database.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}\\.before-restore-\\d{8}-\\d{6}$`));
    const replaced = readDatabase(kept!, (db) => {
      expect(integrity(db)).toBe("ok");
      return new Set(auditRows(db).map(intentName));
    });
    for (const write of afterBackup) expect(replaced.has(write.name), `kept in the replaced database: ${write.name}`).toBe(true);
    expect(existsSync(`${database}-wal`)).toBe(false);

    await own.restart();
    // The team signs in; sessions the backup held still work, one begun after it does not.
    for (const member of [team.admin, team.editor, team.viewer]) await signIn(own.url, member);
    expect((await fetch(`${own.url}/api/session`, { headers: { Cookie: team.editor.cookie } })).status).toBe(200);
    expect((await fetch(`${own.url}/api/session`, { headers: { Cookie: lateViewer } })).status).toBe(401);

    // The audit log is exactly the backup's entries (any it held as pending settled against Fathom).
    const log = await settledAuditLog();
    expect(log.map((entry) => [entry.id, entry.summary]).reverse()).toEqual(held.map((row) => [row.id, row.summary]));
    for (const write of afterBackup) expect(log.some((entry) => entry.summary.includes(`“${write.name}”`)), write.name).toBe(false);
    expect(readDatabase(database, integrity)).toBe("ok");

    const observed =
      `${writes.length} writes by the writer, ${writes.filter((write) => write.sentAt >= backupStartedAt && write.ackedAt! <= backupEndedAt).length} acknowledged while the backup ran ` +
      `(${backupEndedAt - backupStartedAt} ms); the backup held ${auditCount} audit entries, ${held.filter((row) => row.outcome === "pending").length} of them pending; ` +
      `${afterBackup.length} writes after it, absent once restored`;
    test.info().annotations.push({ type: "observed", description: observed });
    console.log(`[crash-safety] ${observed}`);
  });
});
