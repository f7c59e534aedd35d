using System.Collections;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Jukebox.Data;

/// <summary>
/// PostgreSQL's text cannot hold the NUL character (SQLite's can), so a request carrying one (a
/// playlist name, an id in a query string) failed on PostgreSQL only, as a server error. Every
/// command's text parameters are checked before it runs, on both providers, so that such input is
/// refused alike everywhere as the client's mistake (<see cref="NulTextException"/>, a 400).
/// </summary>
public sealed class NulTextGuard : DbCommandInterceptor
{
    public static readonly NulTextGuard Instance = new();

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
        Check(command, result);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) => ValueTask.FromResult(Check(command, result));

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) =>
        Check(command, result);

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default) => ValueTask.FromResult(Check(command, result));

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result) =>
        Check(command, result);

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default) => ValueTask.FromResult(Check(command, result));

    private static T Check<T>(DbCommand command, T result)
    {
        foreach (DbParameter parameter in command.Parameters)
        {
            if (HasNul(parameter.Value))
            {
                throw new NulTextException();
            }
        }
        return result;
    }

    private static bool HasNul(object? value) => value switch
    {
        string text => text.Contains('\0', StringComparison.Ordinal),
        // A list parameter (PostgreSQL's "= ANY (@ids)" for Contains).
        IEnumerable items and not byte[] => items.Cast<object?>().Any(item => item is string text && text.Contains('\0', StringComparison.Ordinal)),
        _ => false,
    };
}

/// <summary>Text with a NUL character was to be stored or looked up (see <see cref="NulTextGuard"/>).</summary>
public sealed class NulTextException() : ArgumentException(Description)
{
    public const string Description = "Text may not contain the NUL character";

    /// <summary>True when <paramref name="exception"/> is one, or wraps one (EF Core wraps what a save's commands throw).</summary>
    public static bool IsCause(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is NulTextException)
            {
                return true;
            }
        }
        return false;
    }
}
