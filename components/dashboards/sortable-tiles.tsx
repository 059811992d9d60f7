"use client";
import {
  DndContext,
  KeyboardSensor,
  PointerSensor,
  closestCenter,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type UniqueIdentifier,
} from "@dnd-kit/core";
import { SortableContext, rectSortingStrategy, sortableKeyboardCoordinates, useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import type { ReactNode } from "react";
import type { Tile } from "@/lib/dashboards/dashboard";
import { GRID_CLASS, TILE_SPAN } from "./tile-context";

export type SortableTilesProps = {
  tiles: readonly Tile[];
  /** How announcements name a tile. */
  nameOf: (tile: Tile) => string;
  /** A drop (by pointer or keyboard) moved `id` to position `to` (0-based). */
  onMove: (id: string, to: number) => void;
  /** One tile's controls and content; `handle` is the drag handle's props, for the tile's own handle button. */
  renderTile: (tile: Tile, handle: DragHandle) => ReactNode;
};

/** What a tile's handle button takes from dnd-kit: its ref, its ARIA (role description, instructions) and its listeners. */
export type DragHandle = {
  ref: (element: HTMLElement | null) => void;
  props: Record<string, unknown>;
  dragging: boolean;
};

export const DRAG_INSTRUCTIONS =
  "To move a tile with the keyboard, press Space to pick it up, the arrow keys to move it, and Space again to drop it. Escape puts it back.";

/** What a screen reader hears while a tile moves: which tile, and where it is among how many. */
export function tileAnnouncements(tiles: readonly Tile[], nameOf: (tile: Tile) => string): Announcements {
  const position = (id: UniqueIdentifier) => tiles.findIndex((tile) => tile.id === id) + 1;
  const name = (id: UniqueIdentifier) => {
    const tile = tiles.find((item) => item.id === id);
    return tile ? nameOf(tile) : "The tile";
  };
  const of = `of ${tiles.length}`;
  return {
    onDragStart: ({ active }) => `Picked up ${name(active.id)}, in position ${position(active.id)} ${of}.`,
    onDragOver: ({ active, over }) =>
      over ? `${name(active.id)} is over position ${position(over.id)} ${of}.` : `${name(active.id)} is not over a position.`,
    onDragEnd: ({ active, over }) =>
      over ? `${name(active.id)} dropped in position ${position(over.id)} ${of}.` : `${name(active.id)} dropped where it was.`,
    onDragCancel: ({ active }) => `Moving ${name(active.id)} was cancelled. It is back in position ${position(active.id)} ${of}.`,
  };
}

/** The move a drop means: the dragged tile to the position of the tile it was dropped on; null for none. */
export function dropMove(tiles: readonly Tile[], { active, over }: Pick<DragEndEvent, "active" | "over">): { id: string; to: number } | null {
  if (!over || active.id === over.id) return null;
  const to = tiles.findIndex((tile) => tile.id === over.id);
  return to < 0 ? null : { id: String(active.id), to };
}

/**
 * The board while editing: the same grid, each tile draggable by its handle, with the pointer or with
 * the keyboard alone (dnd-kit's keyboard sensor: Space, arrows, Space), announced in words.
 */
export function SortableTiles({ tiles, nameOf, onMove, renderTile }: SortableTilesProps) {
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      accessibility={{ announcements: tileAnnouncements(tiles, nameOf), screenReaderInstructions: { draggable: DRAG_INSTRUCTIONS } }}
      onDragEnd={(event) => {
        const move = dropMove(tiles, event);
        if (move) onMove(move.id, move.to);
      }}
    >
      <SortableContext items={tiles.map((tile) => tile.id)} strategy={rectSortingStrategy}>
        <ol aria-label="Tiles" className={GRID_CLASS}>
          {tiles.map((tile) => (
            <SortableTile key={tile.id} tile={tile} name={nameOf(tile)} render={renderTile} />
          ))}
        </ol>
      </SortableContext>
    </DndContext>
  );
}

function SortableTile({ tile, name, render }: { tile: Tile; name: string; render: SortableTilesProps["renderTile"] }) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: tile.id });
  return (
    <li
      ref={setNodeRef}
      aria-label={name}
      data-tile={tile.id}
      data-tile-kind={tile.kind}
      className={`${TILE_SPAN[tile.size]} relative min-w-0 ${isDragging ? "z-10 opacity-80" : ""}`}
      style={{ transform: CSS.Translate.toString(transform), transition }}
    >
      {render(tile, { ref: setActivatorNodeRef, props: { ...attributes, ...listeners }, dragging: isDragging })}
    </li>
  );
}
