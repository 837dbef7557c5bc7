using System.Text.Json;

namespace Fulfilment.Contracts.Validation;

/// <summary>Checks a JSON object against one message's contract and returns every violation.</summary>
public interface IContractValidator
{
    IReadOnlyList<Violation> Validate(JsonElement root);
}
