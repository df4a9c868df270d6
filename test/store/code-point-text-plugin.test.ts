// The PostgreSQL plugin that gives text columns SQLite's code-point order, checked on compiled
// SQL (no server): column definitions change, nothing else does.
import { describe, expect, it } from 'vitest';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { CodePointTextPlugin } from '../../src/store/code-point-text-plugin.js';

// Compiling needs no connection: the pool is never asked for one.
const db = new Kysely<any>({
  dialect: new PostgresDialect({ pool: { connect: () => Promise.reject(new Error('no server in this test')), end: async () => {} } }),
  plugins: [new CodePointTextPlugin()],
});

describe('CodePointTextPlugin', () => {
  it('declares text and varchar columns of CREATE TABLE COLLATE "C", before their constraints', () => {
    const q = db.schema
      .createTable('t')
      .addColumn('a', 'text', (c) => c.primaryKey())
      .addColumn('b', 'varchar(10)', (c) => c.notNull().defaultTo('x'))
      .addColumn('n', 'bigint')
      .compile();
    expect(q.sql).toBe('create table "t" ("a" text collate "C" primary key, "b" varchar(10) collate "C" default \'x\' not null, "n" bigint)');
  });

  it('covers ALTER TABLE ADD COLUMN and ALTER COLUMN TYPE', () => {
    expect(db.schema.alterTable('t').addColumn('c', 'text').compile().sql).toBe('alter table "t" add column "c" text collate "C"');
    expect(db.schema.alterTable('t').alterColumn('c', (ac) => ac.setDataType('text')).compile().sql).toBe('alter table "t" alter column "c" type text collate "C"');
  });

  it('leaves queries, casts and types spelled out in raw SQL alone', () => {
    expect(db.selectFrom('t').select((eb) => eb.cast('a', 'text').as('x')).compile().sql).toBe('select cast("a" as text) as "x" from "t"');
    expect(db.schema.createTable('u').addColumn('d', sql`text collate "en-x-icu"`).compile().sql).toBe('create table "u" ("d" text collate "en-x-icu")');
  });
});
