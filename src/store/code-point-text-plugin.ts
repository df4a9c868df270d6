// Makes PostgreSQL sort text the way SQLite does. SQLite compares text by code point (BINARY);
// PostgreSQL by the database's collation, so an en_US database puts 'OpenAI' before 'ORCL' and
// ORDER BY would return rows in another order than SQLite. This plugin declares every text
// column a migration creates (CREATE TABLE, ALTER TABLE ADD/ALTER COLUMN) with COLLATE "C", so
// migrations keep writing plain 'text' and no author has to remember. Kysely's habit: a dialect
// difference is a rewrite in one place, not a branch in every query.
import { OperationNodeTransformer, RawNode, type AlterColumnNode, type ColumnDefinitionNode, type KyselyPlugin, type OperationNode, type PluginTransformQueryArgs, type PluginTransformResultArgs, type QueryResult, type RootOperationNode, type UnknownRow } from 'kysely';

const TEXT_TYPES = /^(text|varchar|char)(\(\d+\))?$/;

/** `text` → `text collate "C"`; any other type (or one already spelled out in raw SQL) is kept. */
function withCodePointCollation(type: OperationNode): OperationNode {
  const t = type as OperationNode & { dataType?: string };
  return t.kind === 'DataTypeNode' && TEXT_TYPES.test(t.dataType ?? '') ? RawNode.createWithSql(`${t.dataType} collate "C"`) : type;
}

class CodePointTextTransformer extends OperationNodeTransformer {
  // Column definitions of CREATE TABLE and ALTER TABLE ... ADD COLUMN.
  protected override transformColumnDefinition(node: ColumnDefinitionNode): ColumnDefinitionNode {
    const def = super.transformColumnDefinition(node);
    return { ...def, dataType: withCodePointCollation(def.dataType) };
  }

  // ALTER TABLE ... ALTER COLUMN ... TYPE text.
  protected override transformAlterColumn(node: AlterColumnNode): AlterColumnNode {
    const alter = super.transformAlterColumn(node);
    return alter.dataType ? { ...alter, dataType: withCodePointCollation(alter.dataType) } : alter;
  }
}

export class CodePointTextPlugin implements KyselyPlugin {
  readonly #transformer = new CodePointTextTransformer();

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return this.#transformer.transformNode(args.node, args.queryId);
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}
