using System.Text.Json;

namespace Fulfilment.Workflow;

/// <summary>
/// The steps by name, for hosts that run steps themselves (<see cref="InMemoryWorkflowRuntime"/>; the Durable
/// adapter has one activity function per step instead). Inputs and results make a JSON round trip with the
/// serializer settings Durable uses (System.Text.Json defaults), so a step contract that would not survive
/// Durable's serialization fails here first.
/// </summary>
public sealed class WorkflowStepRegistry
{
    private static readonly JsonSerializerOptions DurableJson = new(JsonSerializerDefaults.General);

    private readonly Dictionary<string, Func<string, CancellationToken, Task<string>>> steps = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyCollection<string> Names => steps.Keys;

    /// <summary>Registers a step under its class name (the name the workflow calls it by, via <c>nameof</c>).</summary>
    public WorkflowStepRegistry Add<TRequest, TResult>(IWorkflowStep<TRequest, TResult> step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return Add<TRequest, TResult>(step.GetType().Name, step.RunAsync);
    }

    /// <summary>Registers (or replaces) the step called <paramref name="name"/>.</summary>
    public WorkflowStepRegistry Add<TRequest, TResult>(string name, Func<TRequest, CancellationToken, Task<TResult>> run)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(run);
        steps[name] = async (json, cancellationToken) =>
        {
            var request = JsonSerializer.Deserialize<TRequest>(json, DurableJson)!;
            var result = await run(request, cancellationToken);
            return JsonSerializer.Serialize(result, DurableJson);
        };
        return this;
    }

    public bool Contains(string name) => steps.ContainsKey(name);

    internal async Task<TResult> InvokeAsync<TResult>(string name, object input, CancellationToken cancellationToken)
    {
        var json = await steps[name](JsonSerializer.Serialize(input, input.GetType(), DurableJson), cancellationToken);
        return JsonSerializer.Deserialize<TResult>(json, DurableJson)!;
    }
}
