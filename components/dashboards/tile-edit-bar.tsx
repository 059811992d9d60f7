"use client";
import { TILE_SIZES, type TileSize } from "@/lib/dashboards/dashboard";
import type { DragHandle } from "./sortable-tiles";
import { SIZE_LABELS } from "./tile-context";

type Props = {
  name: string;
  size: TileSize;
  position: number;
  count: number;
  handle: DragHandle;
  onMove: (to: number) => void;
  onResize: (size: TileSize) => void;
  onSettings: () => void;
  onRemove: () => void;
  /** Keeps the handle reachable for focus after a move or a removal. */
  handleRef: (element: HTMLButtonElement | null) => void;
};

const small = "rounded-md border border-line bg-surface px-2 py-1 text-xs font-medium text-ink hover:bg-canvas disabled:cursor-not-allowed disabled:opacity-40";

/**
 * One tile's controls while editing: the drag handle (pointer or keyboard), "earlier" and "later" for a
 * single click or key instead of a drag (WCAG 2.5.7), its size, its settings, and "Remove".
 */
export function TileEditBar({ name, size, position, count, handle, onMove, onResize, onSettings, onRemove, handleRef }: Props) {
  return (
    <div role="group" aria-label={`Edit ${name}`} className="mb-2 flex flex-wrap items-center gap-1 rounded-md border border-dashed border-line bg-canvas p-1">
      <button
        type="button"
        {...handle.props}
        ref={(element) => {
          handle.ref(element);
          handleRef(element);
        }}
        aria-label={`Move ${name}, position ${position} of ${count}`}
        className={`${small} cursor-grab touch-none active:cursor-grabbing`}
      >
        <span aria-hidden="true">⠿</span> Move
      </button>
      <button type="button" className={small} aria-label={`Move ${name} earlier`} disabled={position === 1} onClick={() => onMove(position - 2)}>
        <span aria-hidden="true">←</span>
      </button>
      <button type="button" className={small} aria-label={`Move ${name} later`} disabled={position === count} onClick={() => onMove(position)}>
        <span aria-hidden="true">→</span>
      </button>
      <select aria-label={`Size of ${name}`} className={small} value={size} onChange={(event) => onResize(event.target.value as TileSize)}>
        {TILE_SIZES.map((choice) => (
          <option key={choice} value={choice}>
            {SIZE_LABELS[choice]}
          </option>
        ))}
      </select>
      <button type="button" className={small} aria-label={`Settings of ${name}`} onClick={onSettings}>
        Settings
      </button>
      <button type="button" className={`${small} text-bad`} aria-label={`Remove ${name}`} onClick={onRemove}>
        Remove
      </button>
    </div>
  );
}
