/**
 * A recommendation's condition as structured parts, for people to read: the UI turns each part
 * into words from its locale files (« Dimension « Charge » sous 50 », « au moins une de : … »).
 * Pure: labels come from the grid in the asked language, falling back to the grid's default.
 */
import type { Role } from '@/domain/answers/answers';
import type { Condition, Grid } from './schema';
import { pickText } from './text';

/** A reference to a dimension: its id, and its label (null when the grid has no such dimension). */
export type DimensionRef = { id: string; label: string | null };

/** A reference to an item: its id, its statement (null when unknown) and its 1-based number in its dimension. */
export type ItemRef = {
  id: string;
  text: string | null;
  dimension: DimensionRef | null;
  number: number | null;
};

export type ConditionDescription =
  | {
      type: 'dimension';
      op: 'below' | 'atLeast';
      dimension: DimensionRef;
      value: number;
      /** Read on this role's own score (shown apart under the anonymity rule), not the group's. */
      role?: Role;
    }
  | {
      type: 'item';
      op: 'atMost' | 'atLeast';
      item: ItemRef;
      value: number;
      /** Label of the scale point with this value, when there is one. */
      valueLabel: string | null;
    }
  /** `above` is a share in [0, 1]. */
  | { type: 'dontKnowRate'; dimension: DimensionRef; above: number }
  /** `above` is in score points (0–100). */
  | { type: 'spread'; dimension: DimensionRef; above: number }
  /** `above` is in score points (0–100). */
  | { type: 'roleGap'; dimension: DimensionRef; above: number }
  | { type: 'all' | 'any'; parts: ConditionDescription[] }
  | { type: 'not'; part: ConditionDescription };

/** Describes a condition of `grid` with labels in `lang` (else the grid's default language). */
export function describeCondition(
  condition: Condition,
  grid: Grid,
  lang: string,
): ConditionDescription {
  const fallback = grid.languages.default;
  const text = (value: Parameters<typeof pickText>[0]): string => pickText(value, lang, fallback);

  const dimensionRef = (id: string): DimensionRef => {
    const dimension = grid.dimensions.find((d) => d.id === id);
    return { id, label: dimension ? text(dimension.label) : null };
  };

  const itemRef = (id: string): { ref: ItemRef; scaleId: string | null } => {
    for (const dimension of grid.dimensions) {
      const index = dimension.items.findIndex((item) => item.id === id);
      const item = dimension.items[index];
      if (item !== undefined) {
        return {
          ref: {
            id,
            text: text(item.text),
            dimension: { id: dimension.id, label: text(dimension.label) },
            number: index + 1,
          },
          scaleId: item.scale,
        };
      }
    }
    return { ref: { id, text: null, dimension: null, number: null }, scaleId: null };
  };

  const describe = (c: Condition): ConditionDescription => {
    switch (c.type) {
      case 'dimension':
        return {
          type: 'dimension',
          op: c.op,
          dimension: dimensionRef(c.dimension),
          value: c.value,
          ...(c.role === undefined ? {} : { role: c.role }),
        };
      case 'item': {
        const { ref, scaleId } = itemRef(c.item);
        const scale = grid.scales.find((s) => s.id === scaleId);
        const point = scale?.points.find((p) => p.value === c.value);
        return {
          type: 'item',
          op: c.op,
          item: ref,
          value: c.value,
          valueLabel: point ? text(point.label) : null,
        };
      }
      case 'dontKnowRate':
      case 'spread':
      case 'roleGap':
        return { type: c.type, dimension: dimensionRef(c.dimension), above: c.above };
      case 'all':
      case 'any':
        return { type: c.type, parts: c.conditions.map(describe) };
      case 'not':
        return { type: 'not', part: describe(c.condition) };
    }
  };

  return describe(condition);
}
