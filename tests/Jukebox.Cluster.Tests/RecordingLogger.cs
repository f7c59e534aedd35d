using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Jukebox.Cluster.Tests;

/// <summary>Keeps what is logged, to check what an operator would read.</summary>
internal sealed class RecordingLogger<T> : ILogger<T>
{
    public ConcurrentQueue<(LogLevel Level, string Message)> Entries { get; } = new();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Entries.Enqueue((logLevel, formatter(state, exception)));

    public int Count(LogLevel level, string text) => Entries.Count(e => e.Level == level && e.Message.Contains(text, StringComparison.Ordinal));
}
