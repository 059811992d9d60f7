import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Who a governed request is for (`user:7`, `addr:203.0.113.9`), so the scheduler can share the budget fairly
 * between people. Set once per request by the route wrapper; read by the governor. One store per process on
 * `globalThis`, so every bundle sees the same one.
 */
const holder = globalThis as typeof globalThis & { __soundingActor?: AsyncLocalStorage<string> };
const storage = (holder.__soundingActor ??= new AsyncLocalStorage<string>());

export function runAsActor<T>(actor: string, run: () => T): T {
  return storage.run(actor, run);
}

export function currentActor(): string | undefined {
  return storage.getStore();
}
