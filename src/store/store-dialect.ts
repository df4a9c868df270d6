// Differences between SQLite and PostgreSQL, as named capabilities (Kysely's adapter habit),
// so that code above this file never asks "is this sqlite?".
import type { ColumnDataType, Dialect } from 'kysely';

export interface StoreDialect {
  readonly name: string;
  /** Column type and modifiers for an auto-incrementing integer primary key. */
  readonly autoIncrementType: ColumnDataType;
  /** Whether the primary key column must be declared with `autoincrement` (SQLite) rather than a serial type. */
  readonly needsAutoIncrementModifier: boolean;
  /** Most parameters one statement may carry (SQLite's default limit is 32766). */
  readonly maxParameters: number;
  createKyselyDialect(): Dialect;
  /** Human-readable location, for messages ("/home/me/.local/share/airace/airace.db"). */
  readonly location: string;
}
