using Microsoft.Extensions.Logging;

namespace Fulfilment.Functions.Tests.Support;

/// <summary>A logger that records each entry with the scopes open when it was written.</summary>
public sealed class RecordingLogger<T> : ILogger<T>
{
    private readonly List<object> openScopes = [];
    private readonly List<LogEntry> entries = [];

    public IReadOnlyList<LogEntry> Entries => entries;

    public IDisposable BeginScope<TState>(TState state)
        where TState : notnull
    {
        openScopes.Add(state);
        return new Scope(() => openScopes.Remove(state));
    }

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        var scope = openScopes.OfType<IEnumerable<KeyValuePair<string, object?>>>().SelectMany(s => s)
            .GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value);
        entries.Add(new LogEntry(logLevel, formatter(state, exception), scope));
    }

    private sealed class Scope(Action close) : IDisposable
    {
        public void Dispose() => close();
    }
}

/// <summary>One log entry: level, rendered message, and the scope's properties.</summary>
public sealed record LogEntry(LogLevel Level, string Message, IReadOnlyDictionary<string, object?> Scope);
