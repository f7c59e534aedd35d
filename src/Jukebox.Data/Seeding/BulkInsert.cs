using System.Collections;
using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Jukebox.Data.Seeding;

/// <summary>
/// Writes new entities, and the dependents their collections hold, with multi-row INSERT statements in
/// the current transaction, instead of tracking them and calling <c>SaveChanges</c>. EF Core tracks every
/// row and writes it with a statement of its own (on SQLite, the default storage, without batching):
/// the demo catalog's 11,000 rows took about 2.5 s of a fresh data folder's start that way, 0.5 s of it
/// only to track them. EF Core has no bulk insert of its own, and the libraries that add one bring a
/// second data layer (linq2db) or a commercial licence (EFCore.BulkExtensions) for what is a few
/// statements built from the model EF Core already has: the tables, the columns, the foreign keys, and
/// each column's type mapping, which converts values and makes the parameters as <c>SaveChanges</c> does.
/// </summary>
/// <remarks>
/// For rows made by the seeding generators: keys the database generates (identity columns left at 0) are
/// left to it and not read back; a dependent reached through its principal's collection gets the
/// principal's key as its foreign key; references from a dependent to its principal, many-to-many
/// navigations, column defaults and tables that reference themselves are refused, not guessed at.
/// Tables are written principal first.
/// </remarks>
public static class BulkInsert
{
    /// <summary>
    /// Parameters in one statement. SQLite finds each bound parameter by name among the statement's, so
    /// a statement's binding grows with the square of its parameters: 900 took the demo catalog's tracks
    /// twice as long as 200, which still saves most round trips on PostgreSQL.
    /// </summary>
    private const int MaxParameters = 200;

    /// <summary>Writes the entities in the context's current transaction, or in one of their own.</summary>
    public static async Task InsertAsync(DbContext db, IEnumerable<object> entities, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is { } current)
        {
            await InsertAsync(db, current.GetDbTransaction(), entities, cancellationToken);
            return;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await InsertAsync(db, transaction.GetDbTransaction(), entities, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task InsertAsync(DbContext db, DbTransaction transaction, IEnumerable<object> entities, CancellationToken cancellationToken)
    {
        var rows = RowsOf(db.Model, entities);
        var sql = db.GetService<ISqlGenerationHelper>();
        foreach (var type in PrincipalsFirst(rows.Keys))
        {
            var table = TableOf(type, rows[type]);
            var perStatement = Math.Max(1, MaxParameters / table.Columns.Count);
            var inFull = table.Rows.Count / perStatement * perStatement;
            // The full statements share one command, whose parameters take each one's values in turn.
            if (inFull > 0)
            {
                await using var full = table.NewCommand(transaction, sql, 0, perStatement);
                await full.ExecuteNonQueryAsync(cancellationToken);
                for (var start = perStatement; start < inFull; start += perStatement)
                {
                    table.SetValues(full, start, perStatement);
                    await full.ExecuteNonQueryAsync(cancellationToken);
                }
            }
            if (inFull < table.Rows.Count)
            {
                await using var rest = table.NewCommand(transaction, sql, inFull, table.Rows.Count - inFull);
                await rest.ExecuteNonQueryAsync(cancellationToken);
            }
        }
    }

    /// <summary>One row to write: the entity, and the foreign key values its principal gave it.</summary>
    private sealed record Row(object Entity, Dictionary<IProperty, object?>? FromPrincipal);

    /// <summary>The entities and every dependent their collections reach, by entity type, in the order reached.</summary>
    private static Dictionary<IEntityType, List<Row>> RowsOf(IModel model, IEnumerable<object> entities)
    {
        var rows = new Dictionary<IEntityType, List<Row>>();
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        void Visit(object entity, Dictionary<IProperty, object?>? fromPrincipal)
        {
            if (!seen.Add(entity))
            {
                return;
            }
            var type = model.FindEntityType(entity.GetType())
                ?? throw new NotSupportedException($"{entity.GetType().Name} is not an entity of the model.");
            if (type.GetSkipNavigations().Any())
            {
                throw new NotSupportedException($"{type.DisplayName()} has many-to-many navigations, which bulk inserts do not write.");
            }
            (rows.TryGetValue(type, out var list) ? list : rows[type] = []).Add(new Row(entity, fromPrincipal));
            foreach (var navigation in type.GetNavigations())
            {
                var value = Read(navigation, entity);
                if (value is null)
                {
                    continue;
                }
                if (navigation.IsOnDependent)
                {
                    throw new NotSupportedException($"{type.DisplayName()}.{navigation.Name} is set: bulk inserts take the foreign key, not the principal.");
                }
                var key = navigation.ForeignKey;
                var values = new Dictionary<IProperty, object?>();
                for (var i = 0; i < key.Properties.Count; i++)
                {
                    values[key.Properties[i]] = Read(key.PrincipalKey.Properties[i], entity);
                }
                foreach (var dependent in navigation.IsCollection ? (IEnumerable)value : new[] { value })
                {
                    Visit(dependent, values);
                }
            }
        }
        foreach (var entity in entities)
        {
            Visit(entity, null);
        }
        return rows;
    }

    /// <summary>
    /// A member's value, read by reflection from its backing field (or, without one, its property) as EF
    /// Core's own getters read it. Those getters are expression trees compiled at their first use: for the
    /// hundred-odd properties of the demo catalog, compiling them took a seeding start about a tenth of its
    /// inserts' time, which a one-off write does not earn back.
    /// </summary>
    private static object? Read(IPropertyBase member, object entity) =>
        member.FieldInfo is { } field ? field.GetValue(entity)
        : member.PropertyInfo is { } property ? property.GetValue(entity)
        : throw new NotSupportedException($"{member.DeclaringType.DisplayName()}.{member.Name} has neither a field nor a property to read.");

    private static Table TableOf(IEntityType type, List<Row> rows)
    {
        var store = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var columns = new List<Column>();
        foreach (var property in type.GetProperties())
        {
            if (property.IsShadowProperty() && !rows.All(r => r.FromPrincipal?.ContainsKey(property) == true))
            {
                throw new NotSupportedException($"{type.DisplayName()}.{property.Name} is a shadow property, which bulk inserts do not write.");
            }
            if (property.FindAnnotation(RelationalAnnotationNames.DefaultValue) is not null || property.GetDefaultValueSql() is not null)
            {
                throw new NotSupportedException($"{type.DisplayName()}.{property.Name} has a column default, which bulk inserts do not apply.");
            }
            var column = new Column(property, null, property.GetColumnName(store)!, property.GetRelationalTypeMapping());
            // A key the database generates (an identity column) is left at 0: the database picks it.
            if (property.IsPrimaryKey() && property.ValueGenerated.HasFlag(ValueGenerated.OnAdd) && !property.IsShadowProperty())
            {
                var generated = rows.Count(r => Equals(Read(property, r.Entity), property.Sentinel));
                if (generated == rows.Count)
                {
                    continue;
                }
                if (generated > 0)
                {
                    throw new NotSupportedException($"{type.DisplayName()}.{property.Name} is set on some rows only.");
                }
            }
            columns.Add(column);
        }
        foreach (var complex in type.GetComplexProperties())
        {
            if (complex.ComplexType.GetComplexProperties().Any())
            {
                throw new NotSupportedException($"{type.DisplayName()}.{complex.Name} nests complex properties, which bulk inserts do not write.");
            }
            foreach (var property in complex.ComplexType.GetProperties())
            {
                columns.Add(new Column(property, complex, property.GetColumnName(store)!, property.GetRelationalTypeMapping()));
            }
        }
        return new Table(store, columns, InKeyOrder(type, columns, rows));
    }

    /// <summary>
    /// The rows in the order of their primary key, as <c>SaveChanges</c> writes them, so that a table's
    /// rows lie in the same physical order either way (what reads without an ORDER BY meet first); rows
    /// whose key the database generates keep the order they were reached in, as theirs do.
    /// </summary>
    private static List<Row> InKeyOrder(IEntityType type, List<Column> columns, List<Row> rows)
    {
        var key = type.FindPrimaryKey()!.Properties.Select(p => columns.Find(c => c.Property == p)).ToList();
        if (key.Any(c => c is null))
        {
            return rows;
        }
        var comparer = Comparer<object?[]>.Create((a, b) =>
        {
            for (var i = 0; i < a.Length; i++)
            {
                var order = a[i] is string text ? string.CompareOrdinal(text, (string?)b[i]) : Comparer<object>.Default.Compare(a[i], b[i]);
                if (order != 0)
                {
                    return order;
                }
            }
            return 0;
        });
        return [.. rows.OrderBy(r => key.Select(c => c!.ValueOf(r)).ToArray(), comparer)];
    }

    private sealed record Column(IProperty Property, IComplexProperty? Owner, string Name, RelationalTypeMapping Mapping)
    {
        public object? ValueOf(Row row)
        {
            if (row.FromPrincipal is { } keys && keys.TryGetValue(Property, out var key))
            {
                return key;
            }
            var holder = Owner is null ? row.Entity : Read(Owner, row.Entity)
                ?? throw new NotSupportedException($"{Owner.DeclaringType.DisplayName()}.{Owner.Name} is null.");
            return Read(Property, holder);
        }

        /// <summary>The value as the provider stores it (what <c>CreateParameter</c> would put in a parameter).</summary>
        public object ProviderValueOf(Row row)
        {
            var value = ValueOf(row);
            if (Mapping.Converter is { } converter && (value is not null || converter.ConvertsNulls))
            {
                value = converter.ConvertToProvider(value);
            }
            return value ?? DBNull.Value;
        }
    }

    private sealed record Table(StoreObjectIdentifier Store, List<Column> Columns, List<Row> Rows)
    {
        public DbCommand NewCommand(DbTransaction transaction, ISqlGenerationHelper sql, int start, int count)
        {
            var command = transaction.Connection!.CreateCommand();
            command.Transaction = transaction;
            var text = new StringBuilder("INSERT INTO ")
                .Append(sql.DelimitIdentifier(Store.Name, Store.Schema))
                .Append(" (")
                .AppendJoin(", ", Columns.Select(c => sql.DelimitIdentifier(c.Name)))
                .Append(") VALUES ");
            for (var r = 0; r < count; r++)
            {
                text.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < Columns.Count; c++)
                {
                    var name = "p" + (r * Columns.Count + c);
                    text.Append(c == 0 ? "" : ", ").Append(sql.GenerateParameterNamePlaceholder(name));
                    var column = Columns[c];
                    command.Parameters.Add(column.Mapping.CreateParameter(
                        command, sql.GenerateParameterName(name), column.ValueOf(Rows[start + r]), column.Property.IsNullable));
                }
                text.Append(')');
            }
            command.CommandText = text.Append(sql.StatementTerminator).ToString();
            return command;
        }

        /// <summary>Gives a command made by <see cref="NewCommand"/> for as many rows the values of other rows.</summary>
        public void SetValues(DbCommand command, int start, int count)
        {
            for (var r = 0; r < count; r++)
            {
                for (var c = 0; c < Columns.Count; c++)
                {
                    command.Parameters[r * Columns.Count + c].Value = Columns[c].ProviderValueOf(Rows[start + r]);
                }
            }
        }
    }

    /// <summary>The entity types in an order where every table comes after the tables its foreign keys point to.</summary>
    private static List<IEntityType> PrincipalsFirst(IEnumerable<IEntityType> types)
    {
        var pending = types.ToHashSet();
        var ordered = new List<IEntityType>();
        while (pending.Count > 0)
        {
            if (pending.Any(t => t.GetForeignKeys().Any(fk => fk.PrincipalEntityType == t)))
            {
                throw new NotSupportedException("Bulk inserts do not write a table that references itself.");
            }
            var ready = pending
                .Where(t => !t.GetForeignKeys().Any(fk => pending.Contains(fk.PrincipalEntityType)))
                .OrderBy(t => t.Name, StringComparer.Ordinal)
                .ToList();
            if (ready.Count == 0)
            {
                throw new NotSupportedException("Bulk inserts write tables whose foreign keys form no cycle.");
            }
            ordered.AddRange(ready);
            pending.ExceptWith(ready);
        }
        return ordered;
    }
}
