using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Fulfilment.Tests.Support;

/// <summary>
/// An <see cref="ILoggerProvider"/> that keeps every log line of every level: category, level, message template,
/// the values of its holes, the rendered message and the exception, as a sink would receive them.
/// </summary>
internal sealed class RecordingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<LogLine> lines = new();

    public IReadOnlyCollection<LogLine> Lines => lines;

    public ILogger CreateLogger(string categoryName) => new Recorder(categoryName, lines);

    public void Dispose()
    {
    }

    private sealed class Recorder(string category, ConcurrentQueue<LogLine> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state as IEnumerable<KeyValuePair<string, object?>> ?? [];
            var template = values.FirstOrDefault(v => v.Key == "{OriginalFormat}").Value as string ?? "";
            var holes = values
                .Where(v => v.Key != "{OriginalFormat}")
                .Select(v => new KeyValuePair<string, string>(v.Key, Convert.ToString(v.Value, CultureInfo.InvariantCulture) ?? ""))
                .ToArray();
            lines.Enqueue(new LogLine(category, logLevel, template, holes, formatter(state, exception), exception?.ToString()));
        }
    }
}

/// <summary>One recorded log line.</summary>
internal sealed record LogLine(
    string Category,
    LogLevel Level,
    string Template,
    IReadOnlyList<KeyValuePair<string, string>> Values,
    string Message,
    string? Exception)
{
    /// <summary>Everything a sink would store of the line, as one text to search.</summary>
    public string Text => string.Join(" | ", [Category, Template, Message, .. Values.Select(v => $"{v.Key}={v.Value}"), Exception ?? ""]);

    public override string ToString() => $"{Level} {Category}: {Message}";
}
