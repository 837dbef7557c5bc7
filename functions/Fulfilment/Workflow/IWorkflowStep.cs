namespace Fulfilment.Workflow;

/// <summary>
/// A workflow step: an idempotent activity, keyed by orderId and step, safe to run more than once. Its name (the
/// class name) is persisted in Durable history: renaming a step breaks in-flight orders.
/// </summary>
public interface IWorkflowStep<in TRequest, TResult>
{
    Task<TResult> RunAsync(TRequest request, CancellationToken cancellationToken = default);
}
