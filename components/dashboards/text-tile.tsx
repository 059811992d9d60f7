import { Card } from "@/components/ui/card";
import type { Tile } from "@/lib/dashboards/dashboard";
import { MarkdownText } from "./markdown-text";
import type { TileContext } from "./tile-context";

type TextTileData = Extract<Tile, { kind: "text" }>;

/** A note on the board (context, a legend, links to elsewhere), written in Markdown and rendered safely. */
export function TextTile({ tile, ctx }: { tile: TextTileData; ctx: TileContext }) {
  return (
    <Card className="h-full min-w-0">
      {tile.markdown.trim() ? (
        <MarkdownText markdown={tile.markdown} />
      ) : (
        <p className="text-sm text-muted">{ctx.editing ? "An empty text tile: open its settings to write something." : "\u00a0"}</p>
      )}
    </Card>
  );
}
