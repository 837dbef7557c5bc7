namespace Fulfilment.Contracts.Validation;

/// <summary>The validator of each message type.</summary>
public static class ContractValidators
{
    public static IContractValidator For<T>() => NoRules.Instance;

    private sealed class NoRules : IContractValidator
    {
        public static readonly NoRules Instance = new();

        public IReadOnlyList<Violation> Validate(System.Text.Json.JsonElement root) => [];
    }
}
