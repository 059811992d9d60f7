/**
 * Test support: reads the example requests and responses out of the Fathom API reference (a verbatim
 * copy of shared/fathom-api/reference.md in ./testdata), so the contract tests follow the reference
 * itself rather than a hand-copied version of it.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const REFERENCE_BASE_URL = "https://api.usefathom.com/v1";

export type ExampleRequest = {
  method: string;
  /** Path below the base URL, e.g. `/sites/CDBUGS`. */
  path: string;
  query: Array<[string, string]>;
  headers: Record<string, string>;
  body: unknown;
};

export type ExampleResponse = { label: string; status: number; body: unknown };

export type ReferenceSection = {
  title: string;
  /** The `METHOD /path` line under the title. */
  endpoint: string;
  request: ExampleRequest | null;
  responses: ExampleResponse[];
};

function parseCurl(command: string): ExampleRequest {
  const method = /-X\s+([A-Z]+)/.exec(command)?.[1];
  const url = /curl\s+(?:-X\s+[A-Z]+\s+)?"([^"]+)"/.exec(command)?.[1];
  if (!url) throw new Error(`No URL in example: ${command}`);
  const headers: Record<string, string> = {};
  for (const match of command.matchAll(/-H\s+"([^:"]+):\s*([^"]*)"/g)) headers[match[1]!.toLowerCase()] = match[2]!;
  const data = /-d\s+'([^']*)'/.exec(command)?.[1];
  const parsed = new URL(url);
  if (!url.startsWith(REFERENCE_BASE_URL)) throw new Error(`Unexpected base URL: ${url}`);
  return {
    method: method ?? (data === undefined ? "GET" : "POST"),
    path: parsed.pathname.slice(new URL(REFERENCE_BASE_URL).pathname.length),
    query: [...parsed.searchParams.entries()],
    headers,
    body: data === undefined ? undefined : JSON.parse(data),
  };
}

export function loadReferenceSections(): ReferenceSection[] {
  const file = fileURLToPath(new URL("./testdata/reference.md", import.meta.url));
  const text = readFileSync(file, "utf8");
  const chunks = text.split(/^### /m).slice(1);
  return chunks.map((chunk) => {
    const title = chunk.slice(0, chunk.indexOf("\n")).trim();
    const endpoint = /```http\n([^\n]+)\n```/.exec(chunk)?.[1]?.trim() ?? "";
    const curl = /```bash\n([\s\S]*?)\n```/.exec(chunk)?.[1];
    const responses = [...chunk.matchAll(/\*\*Example response([^*]*?)\(`(\d{3})`\)\*\*\s*```json\n([\s\S]*?)\n```/g)].map(
      (match) => ({ label: match[1]!.replace(/^[\s—-]+/, "").trim() || "default", status: Number(match[2]), body: JSON.parse(match[3]!) }),
    );
    return { title, endpoint, request: curl ? parseCurl(curl) : null, responses };
  });
}
