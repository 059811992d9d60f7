/**
 * Where to go after signing in: only a path on this site, judged after the normalisation a browser applies
 * (tabs and newlines dropped, `\` read as `/`, dot segments resolved), so `/%09/evil.example` or `/\evil`
 * cannot turn into `//evil.example`. Isomorphic and pure.
 */
const HOME = "/explore";
const BASE = "http://sounding.invalid";

export function safeNextPath(next: string | undefined | null): string {
  if (!next || next.length > 2048 || !next.startsWith("/")) return HOME;
  let url: URL;
  try {
    url = new URL(next, BASE);
  } catch {
    return HOME;
  }
  if (url.origin !== BASE) return HOME;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // A normalised path that starts with two slashes (or a slash and a backslash) is another host to a browser.
  if (/^[/\\]{2}/.test(path)) return HOME;
  if (/^\/(login|setup)(\/|\?|#|$)/.test(path)) return HOME;
  return path;
}
