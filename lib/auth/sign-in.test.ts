/**
 * Signing in, in one place: a password under the throttle, an invite, the first admin. Each ends in the same
 * session start and the same `{ user }` answer; a refused attempt starts nothing.
 */
import { beforeEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "@/lib/api/errors";
import type { User } from "./users";

const state = vi.hoisted(() => ({ user: null as User | null, device: null as string | null }));
const calls = vi.hoisted(() => ({ signIn: vi.fn(), findUserWithHashByEmail: vi.fn(), acceptInvite: vi.fn(), createFirstAdmin: vi.fn() }));

vi.mock("./session", () => ({
  getCurrentUser: async () => state.user,
  knownDeviceEmail: async () => state.device,
  signIn: calls.signIn,
}));
vi.mock("./users", async (importOriginal) => ({
  ...(await importOriginal<typeof import("./users")>()),
  findUserWithHashByEmail: calls.findUserWithHashByEmail,
  acceptInvite: calls.acceptInvite,
  createFirstAdmin: calls.createFirstAdmin,
}));

const { currentSignIn, signInFirstAdmin, signInWithInvite, signInWithPassword } = await import("./sign-in");
const { LoginLimiter, DEFAULT_RULES } = await import("./login-limiter");
const { hashPassword } = await import("./password");

const vera: User = { id: 3, email: "vera@example.com", name: "Vera", role: "viewer", createdAt: "2024-01-01T00:00:00Z" };
const newcomer = { email: "nia@example.com", name: "Nia", password: "a long enough password" };
const passwordHash = await hashPassword("the right password");
const strict = { ...DEFAULT_RULES, accountAddress: { ...DEFAULT_RULES.accountAddress, freeFailures: 2 } };

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

beforeEach(() => {
  vi.clearAllMocks();
  state.user = null;
  state.device = null;
  calls.findUserWithHashByEmail.mockImplementation(async (email: string) => (email === vera.email ? { user: vera, passwordHash } : null));
});

describe("signing in", () => {
  it("with the right password: starts a session for the user and answers { user }", async () => {
    const answer = await signInWithPassword({ email: vera.email, password: "the right password" }, "192.0.2.1", new LoginLimiter());
    expect(answer).toEqual({ user: vera });
    expect(calls.signIn).toHaveBeenCalledWith(vera);
  });

  it("with a wrong password or an unknown email: the same 401, and no session", async () => {
    const limiter = new LoginLimiter();
    const wrong = await refusal(signInWithPassword({ email: vera.email, password: "a guess" }, "192.0.2.1", limiter));
    const unknown = await refusal(signInWithPassword({ email: "nobody@example.com", password: "a guess" }, "192.0.2.1", limiter));
    for (const error of [wrong, unknown]) expect(error).toMatchObject({ status: 401, code: "invalid_credentials" });
    expect(wrong.message).toBe(unknown.message);
    expect(calls.signIn).not.toHaveBeenCalled();
  });

  it("once the throttle makes the address wait: 429 with Retry-After, before any password is looked at", async () => {
    const limiter = new LoginLimiter(strict);
    await refusal(signInWithPassword({ email: vera.email, password: "guess 1" }, "203.0.113.9", limiter));
    await refusal(signInWithPassword({ email: vera.email, password: "guess 2" }, "203.0.113.9", limiter));
    calls.findUserWithHashByEmail.mockClear();
    const waiting = await refusal(signInWithPassword({ email: vera.email, password: "the right password" }, "203.0.113.9", limiter));
    expect(waiting).toMatchObject({ status: 429, code: "too_many_attempts", extra: { retryAfter: expect.any(Number) } });
    expect(waiting.message).toMatch(/^Too many failed sign-ins\. Try again in \d+ s\.$/);
    expect(calls.findUserWithHashByEmail).not.toHaveBeenCalled();
    expect(calls.signIn).not.toHaveBeenCalled();
    // Elsewhere, the owner still gets in.
    expect(await signInWithPassword({ email: vera.email, password: "the right password" }, "198.51.100.7", limiter)).toEqual({ user: vera });
  });

  it("refunds a right password, so a person who mistypes now and then is never made to wait", async () => {
    const limiter = new LoginLimiter(strict);
    for (let round = 0; round < 3; round++) {
      await signInWithPassword({ email: vera.email, password: "the right password" }, "192.0.2.1", limiter);
      await refusal(signInWithPassword({ email: vera.email, password: "a typo" }, "192.0.2.1", limiter));
    }
    expect(await signInWithPassword({ email: vera.email, password: "the right password" }, "192.0.2.1", limiter)).toEqual({ user: vera });
  });

  it("with an invite or as the first admin: the new account is signed in with the same answer", async () => {
    const nia: User = { id: 9, email: newcomer.email, name: "Nia", role: "editor", createdAt: "2024-05-01T00:00:00Z" };
    calls.acceptInvite.mockResolvedValueOnce(nia);
    expect(await signInWithInvite("invite-token-123", newcomer)).toEqual({ user: nia });
    expect(calls.acceptInvite).toHaveBeenCalledWith("invite-token-123", newcomer);
    const first = { ...nia, id: 1, role: "admin" as const };
    calls.createFirstAdmin.mockResolvedValueOnce(first);
    expect(await signInFirstAdmin(newcomer)).toEqual({ user: first });
    expect(calls.signIn.mock.calls).toEqual([[nia], [first]]);
  });

  it("starts no session when the invite is spent or setup is done", async () => {
    calls.acceptInvite.mockRejectedValueOnce(new ApiError(410, "invite_gone", "This invite link was used or has expired."));
    calls.createFirstAdmin.mockRejectedValueOnce(new ApiError(404, "not_found", "Sounding is already set up. Sign in instead."));
    expect((await refusal(signInWithInvite("invite-token-123", newcomer))).status).toBe(410);
    expect((await refusal(signInFirstAdmin(newcomer))).status).toBe(404);
    expect(calls.signIn).not.toHaveBeenCalled();
  });

  it("says who is signed in, or 401", async () => {
    expect((await refusal(currentSignIn())).status).toBe(401);
    state.user = vera;
    expect(await currentSignIn()).toEqual({ user: vera });
  });
});
