using Fulfilment.Workflow;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Fulfilment.Tests.Workflow;

public sealed class WorkflowOptionsTests
{
    [Fact]
    public void AddWorkflow_NoConfiguration_UsesTheDocumentedTimeouts()
    {
        var options = Resolve([]);

        Assert.Equal(
            (TimeSpan.FromHours(48), TimeSpan.FromHours(24), TimeSpan.FromDays(30)),
            (options.PickingTimeout, options.ShipmentCreationTimeout, options.DeliveryTimeout));
    }

    [Fact]
    public void AddWorkflow_ConfiguredTimeout_IsBound()
    {
        var options = Resolve(new() { ["Workflow:PickingTimeout"] = "12:00:00" });

        Assert.Equal(TimeSpan.FromHours(12), options.PickingTimeout);
    }

    [Theory]
    [InlineData("Workflow:PickingTimeout", "00:00:10")]
    [InlineData("Workflow:DeliveryTimeout", "400.00:00:00")]
    [InlineData("Workflow:StepMaxAttempts", "0")]
    [InlineData("Workflow:BackoffCoefficient", "0.5")]
    [InlineData("Workflow:HistoryRetention", "44.00:00:00")]
    [InlineData("Workflow:DeliveryTimeout", "90.00:00:00")]
    public void AddWorkflow_OutOfRangeSetting_FailsValidation(string key, string value)
    {
        var resolve = () => Resolve(new() { [key] = value });

        Assert.Throws<OptionsValidationException>(resolve);
    }

    [Fact]
    public void ToSettings_Defaults_CopyEveryTimeoutAndBothRetryPolicies()
    {
        var settings = new WorkflowOptions().ToSettings();

        Assert.Equal((TimeSpan.FromHours(48), TimeSpan.FromHours(24), TimeSpan.FromDays(30)), (settings.PickingTimeout, settings.ShipmentCreationTimeout, settings.DeliveryTimeout));
        Assert.Equal(new RetrySettings(5, TimeSpan.FromSeconds(5), 2), settings.StepRetry);
        Assert.Equal(new RetrySettings(10, TimeSpan.FromSeconds(5), 2), settings.CompensationRetry);
    }

    [Fact]
    public void RetrySettings_ToTaskOptions_IsDurablesRetryPolicyWithBackoff()
    {
        var policy = new RetrySettings(5, TimeSpan.FromSeconds(5), 2).ToTaskOptions().Retry!.Policy!;

        Assert.Equal((5, TimeSpan.FromSeconds(5), 2.0), (policy.MaxNumberOfAttempts, policy.FirstRetryInterval, policy.BackoffCoefficient));
    }

    [Fact]
    public void WorkflowSettings_ScaledTimeouts_ScaleOnlyTheTimeouts()
    {
        var settings = new WorkflowOptions().ToSettings();

        var scaled = settings.WithTimeoutsScaledBy(0.5);

        Assert.Equal((TimeSpan.FromHours(24), TimeSpan.FromHours(12), TimeSpan.FromDays(15)), (scaled.PickingTimeout, scaled.ShipmentCreationTimeout, scaled.DeliveryTimeout));
        Assert.Equal(settings.StepRetry, scaled.StepRetry);
    }

    [Fact]
    public void WorkflowInstanceId_ForAnOrder_ParsesBackToIt()
    {
        var orderId = Guid.NewGuid();

        var parsed = WorkflowInstanceId.TryParse(WorkflowInstanceId.For(orderId), out var back);

        Assert.True(parsed);
        Assert.Equal(orderId, back);
    }

    [Theory]
    [InlineData("")]
    [InlineData("fulfilment-")]
    [InlineData("order-5b0f6a8e-8a4f-4a43-9d3c-2f1f0b8e8a11")]
    public void WorkflowInstanceId_NotOurs_DoesNotParse(string instanceId)
    {
        var parsed = WorkflowInstanceId.TryParse(instanceId, out _);

        Assert.False(parsed);
    }

    private static WorkflowOptions Resolve(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var provider = new ServiceCollection().AddWorkflow(configuration).BuildServiceProvider();
        return provider.GetRequiredService<IOptions<WorkflowOptions>>().Value;
    }
}
