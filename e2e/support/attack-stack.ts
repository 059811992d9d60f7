/**
 * The target of the attack journeys: a Sounding server of their own on its own simulator, a team (admin,
 * editor, viewer), real ids to aim at, and the witnesses that say an attack changed nothing: the simulator's
 * request log (nothing spent, nothing written) and the audit log (no write recorded).
 */
import { expect, test } from "@playwright/test";
import type { SimulatorServer } from "../../lib/simulator/server";
import { markOf, startOwnServer, startOwnSimulator, type OwnServer, type OwnServerOptions } from "./own-stack";
import { createTeam, jsonHeaders, type Team } from "./team";

export type AttackStack = {
  own: OwnServer;
  sim: SimulatorServer;
  team: Team;
  /** Real ids on the simulator's first site. */
  ids: { siteId: string; milestoneId: string; eventId: string };
  /** Values for every `[param]` of the app's routes and pages that name something real. */
  valid: Record<string, string>;
  stop(): Promise<void>;
};

export async function startAttackStack(env: OwnServerOptions["env"] = {}): Promise<AttackStack> {
  const sim = await startOwnSimulator();
  const own = await startOwnServer({ simUrl: sim.url, env });
  try {
    const team = await createTeam(own.url);
    const get = async (path: string) => (await fetch(`${own.url}${path}`, { headers: jsonHeaders(own.url, team.admin.cookie) })).json();
    const siteId = "CDBUGS";
    const milestoneId = (await get(`/api/sites/${siteId}/milestones`)).milestones[0].id as string;
    const eventId = (await get(`/api/sites/${siteId}/events`)).events[0].id as string;
    const valid = { siteId, milestoneId, eventId, id: String(team.viewer.id), version: "1", token: "a".repeat(32), handle: "0123456789ab", slug: "A".repeat(32) };
    return {
      own,
      sim,
      team,
      ids: { siteId, milestoneId, eventId },
      valid,
      stop: async () => {
        await own.stop();
        await sim.close();
      },
    };
  } catch (error) {
    await own.stop();
    await sim.close();
    throw error;
  }
}

/** The number of entries in the audit log (every write to Fathom through Sounding leaves one). */
export async function auditCount(stack: AttackStack): Promise<number> {
  const answer = await fetch(`${stack.own.url}/api/admin/audit?limit=200`, { headers: jsonHeaders(stack.own.url, stack.team.admin.cookie) });
  return ((await answer.json()).entries as unknown[]).length;
}

/**
 * Runs an attack and checks it changed nothing: Fathom was sent nothing at all (no budget spent, no write),
 * and the audit log did not grow.
 */
export async function changesNothing<T>(stack: AttackStack, attack: () => Promise<T>): Promise<T> {
  const before = await auditCount(stack);
  const mark = markOf(stack.sim);
  const result = await attack();
  expect(mark.since().map((entry) => `${entry.method} ${entry.path}`), "requests the attack made Fathom receive").toEqual([]);
  expect(await auditCount(stack), "audit entries the attack left").toBe(before);
  return result;
}

/**
 * One stack for the tests of the describe block this is called in: started before the first test, stopped
 * (by PID) after the last. The object is filled in when it starts.
 */
export function useAttackStack(env: OwnServerOptions["env"] = {}): AttackStack {
  const stack = {} as AttackStack;
  test.beforeAll(async () => {
    test.setTimeout(120_000);
    Object.assign(stack, await startAttackStack(env));
  });
  test.afterAll(async () => stack.stop?.());
  return stack;
}
