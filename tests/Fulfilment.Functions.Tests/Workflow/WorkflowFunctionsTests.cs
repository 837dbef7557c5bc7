using System.Reflection;
using Fulfilment.Workflow;
using Microsoft.Azure.Functions.Worker;

namespace Fulfilment.Functions.Tests.Workflow;

/// <summary>
/// The app's Durable functions against what the in-process engine registers (<see cref="WorkflowRegistration"/>): the
/// same orchestrator and activity names (persisted in Durable history), each wrapper taking and returning what the
/// core's orchestration or step does.
/// </summary>
public sealed class WorkflowFunctionsTests
{
    [Fact]
    public void Orchestrators_OfTheApp_AreExactlyTheOnesTheEngineRegisters()
    {
        var names = DurableFunctions<OrchestrationTriggerAttribute>().Select(f => f.Name);

        Assert.Equal(WorkflowRegistration.OrchestratorNames.Order(StringComparer.Ordinal), names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Activities_OfTheApp_AreExactlyTheOnesTheEngineRegisters()
    {
        var names = DurableFunctions<ActivityTriggerAttribute>().Select(f => f.Name);

        Assert.Equal(WorkflowRegistration.ActivityNames.Order(StringComparer.Ordinal), names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Orchestrators_OfTheApp_TakeTheInputAndReturnTheOutputOfTheirOrchestration()
    {
        var orchestrations = new Dictionary<string, Type>
        {
            [FulfilmentOrchestration.Name] = typeof(FulfilmentOrchestration),
            [CancelledBeforeStartOrchestration.Name] = typeof(CancelledBeforeStartOrchestration),
        };

        Assert.All(DurableFunctions<OrchestrationTriggerAttribute>(), f =>
        {
            var run = orchestrations[f.Name].GetMethod(nameof(FulfilmentOrchestration.RunAsync))!;
            var input = f.Method.GetParameters().Single(p => p.GetCustomAttribute<OrchestrationTriggerAttribute>() is null);
            Assert.Equal((run.GetParameters()[1].ParameterType, run.ReturnType), (input.ParameterType, f.Method.ReturnType));
        });
    }

    [Fact]
    public void Activities_OfTheApp_TakeTheRequestAndReturnTheResultOfTheStepTheyAreNamedAfter()
    {
        Assert.All(DurableFunctions<ActivityTriggerAttribute>(), f =>
        {
            var step = typeof(IWorkflowStep<,>).Assembly.GetType($"{typeof(IWorkflowStep<,>).Namespace}.{f.Name}", throwOnError: true)!;
            var types = step.GetInterfaces().Single(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IWorkflowStep<,>)).GetGenericArguments();
            var request = f.Method.GetParameters().Single(p => p.GetCustomAttribute<ActivityTriggerAttribute>() is not null);
            Assert.Equal((types[0], typeof(Task<>).MakeGenericType(types[1])), (request.ParameterType, f.Method.ReturnType));
        });
    }

    private static List<(string Name, MethodInfo Method)> DurableFunctions<TTrigger>()
        where TTrigger : Attribute =>
    [
        .. from method in typeof(Program).Assembly.GetTypes().SelectMany(t => t.GetMethods())
           let function = method.GetCustomAttribute<FunctionAttribute>()
           where function is not null && method.GetParameters().Any(p => p.GetCustomAttribute<TTrigger>() is not null)
           select (function.Name, method),
    ];
}
