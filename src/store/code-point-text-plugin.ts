// Makes PostgreSQL sort text the way SQLite does. SQLite compares text by code point (BINARY);
// PostgreSQL by the database's collation, so an en_US database puts 'OpenAI' before 'ORCL' and
// ORDER BY would return rows in another order than SQLite. This plugin declares every text
// column a migration creates (CREATE TABLE, ALTER TABLE ADD/ALTER COLUMN) with COLLATE "C", so
// migrations keep writing plain 'text' and no author has to remember. Kysely's habit: a dialect
// difference is a rewrite in one place, not a branch in every query.
import { OperationNodeTransformer, RawNode, type ColumnDefinitionNode, type KyselyPlugin, type OperationNode, type PluginTransformQueryArgs, type PluginTransformResultArgs, type QueryResult, type RootOperationNode, type UnknownRow } from 'kysely';

const TEXT_TYPES = /^(text|varchar|char)(\(\d+\))?$/;

class CodePointTextTransformer extends OperationNodeTransformer {
  protected override transformColumnDefinition(node: ColumnDefinitionNode): ColumnDefinitionNode {
    const def = super.transformColumnDefinition(node);
    const type = def.dataType as OperationNode & { dataType?: string };
    if (type.kind !== 'DataTypeNode' || !TEXT_TYPES.test(type.dataType ?? '')) return def;
    return { ...def, dataType: RawNode.createWithSql(`${type.dataType} collate "C"`) };
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
