using System.Text.Json;
using System.Text.Json.Nodes;
using Fulfilment.Contracts;
using Fulfilment.Inventory;
using Fulfilment.Messaging;
using Fulfilment.Sandbox.Carrier;
using Fulfilment.Sandbox.Host;
using Fulfilment.Warehouse;

namespace Fulfilment.Sandbox.Replay;

/// <summary>
/// Drives a <see cref="Scenario"/> step by step, running to quiescence after each, and writes one JSON object per
/// line: every message published, dead-letter and rejection, in order, then the final state.
/// </summary>
public sealed class ReplayRunner(SandboxHost host, TextWriter output)
{
    private static readonly JsonSerializerOptions Json = ContractJson.Options;
    private readonly HashSet<string> inbound = new(StringComparer.Ordinal);

    public async Task RunAsync(Scenario scenario, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        host.Bus.Published += message =>
        {
            if (!IsInbound(message))
            {
                Write(new { kind = "published", name = message.Name, body = JsonNode.Parse(message.Body) });
            }
        };
        host.Bus.DeadLettered += (delivery, reason, description) =>
            Write(new { kind = "deadLettered", name = delivery.Message.Name, reason, description });
        await host.SeedStockAsync(scenario.Stock.Select(s => (s.ProductId, s.Available)), cancellationToken).ConfigureAwait(false);
        var carrier = new CarrierScript(host.Carrier, host.Get<Shipping.CarrierCallbackHandler>(), host.Clock);

        foreach (var step in scenario.Steps)
        {
            await ApplyAsync(step, carrier, cancellationToken).ConfigureAwait(false);
            await host.RunToQuiescenceAsync(cancellationToken).ConfigureAwait(false);
        }

        await WriteFinalStateAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task ApplyAsync(ScenarioStep step, CarrierScript carrier, CancellationToken cancellationToken)
    {
        switch (step)
        {
            case ScenarioStep.Send send:
                lock (inbound)
                {
                    inbound.Add(SandboxHost.InboundMessageId(send.Name, send.Body));
                }

                await host.SendAsync(send.Name, send.Body).ConfigureAwait(false);
                break;
            case ScenarioStep.Pick pick:
                Reject(step, await host.Floor.PickAndPackAsync(pick.OrderId, pick.ParcelCount, cancellationToken).ConfigureAwait(false));
                break;
            case ScenarioStep.ShortPick shortPick:
                Reject(step, await host.Floor.ShortPickAsync(shortPick.OrderId, shortPick.ProductId, shortPick.Picked, shortPick.Reason, cancellationToken).ConfigureAwait(false));
                break;
            case ScenarioStep.CarrierCallback callback:
                var result = await carrier.SendAsync(callback.Event, callback.OrderId, callback.Body, callback.Signature, cancellationToken).ConfigureAwait(false);
                if (!result.IsAccepted)
                {
                    Write(new { kind = "rejected", step = step.Index, status = result.StatusCode, reason = result.Problem?.Detail });
                }

                break;
            case ScenarioStep.CarrierRejects rejects:
                host.Carrier.RejectOrder(rejects.OrderId, FakeCarrierReply.Rejected());
                break;
            case ScenarioStep.CarrierOmitsTracking omits:
                host.Carrier.AnswerWithoutTracking(omits.OrderId);
                break;
            case ScenarioStep.CarrierUnavailable unavailable:
                host.Carrier.Unavailable(unavailable.OrderId);
                break;
            case ScenarioStep.CarrierAvailable available:
                host.Carrier.Available(available.OrderId);
                break;
            case ScenarioStep.CarrierPicksUp picksUp:
                host.Carrier.PickUp(picksUp.OrderId);
                break;
            case ScenarioStep.Advance advance:
                await host.AdvanceAsync(advance.By, cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    private bool IsInbound(OutgoingMessage message)
    {
        lock (inbound)
        {
            return inbound.Contains(message.MessageId);
        }
    }

    private void Reject(ScenarioStep step, PickingJobOutcome outcome)
    {
        if (!outcome.Succeeded)
        {
            Write(new { kind = "rejected", step = step.Index, status = outcome.StatusCode(), reason = outcome.Reason });
        }
    }

    private async Task WriteFinalStateAsync(CancellationToken cancellationToken)
    {
        var stock = await host.Get<StockAdministration>().ListStockAsync(cancellationToken).ConfigureAwait(false);
        var statuses = await host.Workflows.StatusesAsync(host.Workflows.InstanceIds.Order(StringComparer.Ordinal), cancellationToken).ConfigureAwait(false);
        var fulfilments = statuses
            .Select(s => new { orderId = s.OrderId, status = s.Outcome?.ToString() ?? "Running", stage = s.Stage.ToString(), reason = s.Reason });
        Write(new
        {
            kind = "final",
            stock = stock.OrderBy(s => s.ProductId).Select(s => new { productId = s.ProductId, available = s.Available, reserved = s.Reserved, consumed = s.Consumed, writtenOff = s.WrittenOff, needsCount = s.NeedsCount, balanced = s.IsBalanced }),
            fulfilments,
        });
    }

    private void Write(object line)
    {
        lock (output)
        {
            output.WriteLine(JsonSerializer.Serialize(line, Json));
        }
    }
}
