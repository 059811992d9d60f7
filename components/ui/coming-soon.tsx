import { Card } from "./card";

export function ComingSoon({ what }: { what: string }) {
  return (
    <Card className="text-sm text-muted">
      <p>{what} is coming soon.</p>
    </Card>
  );
}
