/**
 * A team on a fresh Sounding server, through its own API: the first admin (setup), then an editor and a
 * viewer (invites), each with the cookies their browser would hold. For journeys that speak HTTP directly.
 */
export type Member = { name: string; email: string; password: string; role: "admin" | "editor" | "viewer"; id: number; cookie: string };
export type Team = { admin: Member; editor: Member; viewer: Member };

/** `name=value; name=value` from an answer's Set-Cookie headers (the session and the device cookie). */
export function cookiesOf(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((line) => line.split(";")[0]!)
    .filter((pair) => !pair.endsWith("="))
    .join("; ");
}

export const jsonHeaders = (url: string, cookie?: string): Record<string, string> => ({
  "Content-Type": "application/json",
  Origin: url,
  ...(cookie ? { Cookie: cookie } : {}),
});

async function post(url: string, path: string, body: unknown, cookie?: string) {
  const response = await fetch(`${url}${path}`, { method: "POST", headers: jsonHeaders(url, cookie), body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`POST ${path} answered ${response.status}: ${await response.text()}`);
  return response;
}

export async function createTeam(url: string): Promise<Team> {
  const people = {
    admin: { name: "Ada Admin", email: "ada@own.example", password: "admin password 1234" },
    editor: { name: "Ed Editor", email: "ed@own.example", password: "editor password 1234" },
    viewer: { name: "Vi Viewer", email: "vi@own.example", password: "viewer password 1234" },
  };
  const setup = await post(url, "/api/setup", people.admin);
  const admin: Member = { ...people.admin, role: "admin", id: (await setup.json()).user.id, cookie: cookiesOf(setup) };
  const join = async (role: "editor" | "viewer"): Promise<Member> => {
    const invite = await (await post(url, "/api/invites", { role }, admin.cookie)).json();
    const token = new URL(invite.url).pathname.split("/").pop()!;
    const joined = await post(url, `/api/invites/${token}`, people[role]);
    return { ...people[role], role, id: (await joined.json()).user.id, cookie: cookiesOf(joined) };
  };
  return { admin, editor: await join("editor"), viewer: await join("viewer") };
}

/** Signs in again (a fresh session) and returns the cookies. */
export async function signIn(url: string, member: Pick<Member, "email" | "password">, headers: Record<string, string> = {}): Promise<string> {
  const response = await fetch(`${url}/api/session`, {
    method: "POST",
    headers: { ...jsonHeaders(url), ...headers },
    body: JSON.stringify({ email: member.email, password: member.password }),
  });
  if (!response.ok) throw new Error(`sign-in answered ${response.status}`);
  return cookiesOf(response);
}
