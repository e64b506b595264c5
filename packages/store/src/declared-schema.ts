import ts from "typescript";

/** A column as the Kysely table types declare it. */
export interface DeclaredColumn {
  /** Its select type admits null. */
  nullable: boolean;
  /** Inserts may leave it out (its insert type admits undefined). */
  optionalOnInsert: boolean;
}

/** Tables by name, each its columns by name. */
export type DeclaredSchema = Map<string, Map<string, DeclaredColumn>>;

/**
 * Reads the tables and columns an interface such as `Database` declares, with the TypeScript
 * compiler on the source itself (so the schema test compares the migrations with the real types,
 * not a copy). One program, and the checker asked about that interface only.
 */
export function declaredSchema(file: string, interfaceName: string): DeclaredSchema {
  const program = ts.createProgram([file], {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
    lib: ["lib.es2023.d.ts"], // the repository's own lib: no DOM to load
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file);
  const declaration = source?.statements.find(
    (s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === interfaceName,
  );
  if (!declaration) throw new Error(`${file} declares no interface ${interfaceName}`);

  const schema: DeclaredSchema = new Map();
  for (const table of checker.getPropertiesOfType(checker.getTypeAtLocation(declaration.name))) {
    const columns = new Map<string, DeclaredColumn>();
    for (const column of checker.getPropertiesOfType(checker.getTypeOfSymbol(table))) {
      const type = checker.getTypeOfSymbol(column);
      // ColumnType<S, I, U> (and Generated<T>) carry their select and insert types as phantom properties.
      const phantom = (name: string) => {
        const p = type.getProperty(name);
        return p ? checker.getTypeOfSymbol(p) : type;
      };
      columns.set(column.name, {
        nullable: admits(phantom("__select__"), ts.TypeFlags.Null),
        optionalOnInsert:
          (column.flags & ts.SymbolFlags.Optional) !== 0 || admits(phantom("__insert__"), ts.TypeFlags.Undefined),
      });
    }
    schema.set(table.name, columns);
  }
  return schema;
}

const admits = (type: ts.Type, flag: ts.TypeFlags): boolean =>
  type.isUnion() ? type.types.some((t) => (t.flags & flag) !== 0) : (type.flags & flag) !== 0;
