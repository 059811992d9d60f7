"use client";
import { Dialog } from "radix-ui";
import { useState } from "react";
import { dialogPanelClass, overlayClass } from "@/components/ui/confirm-dialog";
import type { Tile } from "@/lib/dashboards/dashboard";
import { TILE_REGISTRY } from "./tile-registry";
import type { DashboardSite } from "./tile-context";
import { TileForm, type TileChoice, type TileKind } from "./tile-form";

const KINDS = Object.keys(TILE_REGISTRY) as TileKind[];

type Props = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The tile whose settings change; none to add a new tile. */
  tile?: Tile;
  /** Its name, for the title ("Settings of Blog traffic"). */
  tileName?: string;
  sites: readonly DashboardSite[];
  onDone: (choice: TileChoice) => void;
  /** Where focus goes when the dialog closes (the new tile's handle); the trigger when absent. */
  onCloseAutoFocus?: (event: Event) => void;
};

/** "Add a tile" (pick its kind, then its settings) and a tile's "Settings", in one dialog. */
export function TileDialog({ open, onOpenChange, tile, tileName, sites, onDone, onCloseAutoFocus }: Props) {
  const [kind, setKind] = useState<TileKind>(tile?.kind ?? "report");
  const shown = tile?.kind ?? kind;
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className={overlayClass} />
        <Dialog.Content className={`${dialogPanelClass} max-w-lg`} onCloseAutoFocus={onCloseAutoFocus}>
          <Dialog.Title className="text-lg font-semibold">{tile ? `Settings of ${tileName ?? "the tile"}` : "Add a tile"}</Dialog.Title>
          <Dialog.Description className="text-sm text-muted">
            {tile ? "Changes show at once; save the dashboard to keep them." : "The tile goes at the end of the board; move it from there."}
          </Dialog.Description>
          {tile ? null : (
            <fieldset className="flex flex-wrap gap-x-4 gap-y-2">
              <legend className="mb-1 text-sm font-medium">Kind of tile</legend>
              {KINDS.map((choice) => (
                <label key={choice} className="flex items-center gap-2 text-sm">
                  <input type="radio" name="tile-kind" value={choice} checked={kind === choice} onChange={() => setKind(choice)} className="accent-[rgb(var(--accent))]" />
                  {TILE_REGISTRY[choice].label}
                </label>
              ))}
            </fieldset>
          )}
          {open ? (
            <TileForm
              key={`${shown}-${tile?.id ?? "new"}`}
              kind={shown}
              initial={tile}
              sites={sites}
              submitLabel={tile ? "Apply" : "Add tile"}
              onCancel={() => onOpenChange(false)}
              onSubmit={onDone}
            />
          ) : null}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
