import type { LevelRef } from '@/domain/report/report-model';

/** A level in words and colour: the colour is never the only carrier of meaning. */
export function LevelBadge({ level }: { level: LevelRef | null }) {
  if (!level) return null;
  return (
    <span className="level-badge">
      <span
        className="level-badge__swatch"
        style={{ background: level.color }}
        aria-hidden="true"
      />
      {level.label}
    </span>
  );
}
