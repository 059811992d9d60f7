import type { TokenInfoView as FathomTokenInfo } from "@/lib/server/token-info";

function ability(text: string): string {
  if (text === "*") return "Full account access";
  if (text === "all-sites-readonly") return "Read all sites";
  const [kind, site] = text.split(":");
  if (kind === "read" && site) return `Read site ${site}`;
  if (kind === "manage" && site) return `Manage site ${site}`;
  return text;
}

/** What Fathom says about a token (GET /token): its name, abilities and expiry. Never the token. */
export function TokenDetails({ token }: { token: FathomTokenInfo }) {
  return (
    <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm" data-testid="token-details">
      <dt className="text-muted">Name</dt>
      <dd data-testid="token-name">{token.name}</dd>
      <dt className="text-muted">Abilities</dt>
      <dd>
        <ul className="flex flex-wrap gap-1">
          {token.abilities.map((a) => (
            <li key={a} className="rounded border border-line px-1.5 py-0.5 text-xs">
              {ability(a)}
            </li>
          ))}
        </ul>
      </dd>
      <dt className="text-muted">Expires</dt>
      <dd>{token.expires_at ?? "Never"}</dd>
      <dt className="text-muted">Last used</dt>
      <dd>{token.last_used_at ?? "Not yet"}</dd>
    </dl>
  );
}
