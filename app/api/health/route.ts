/** A trivial JSON route: liveness checks, and the baseline the budget benchmark compares proxy overhead with. */
export function GET() {
  return Response.json({ ok: true }, { headers: { "Cache-Control": "no-store" } });
}
