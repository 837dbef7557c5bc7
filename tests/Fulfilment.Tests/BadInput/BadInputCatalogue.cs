namespace Fulfilment.Tests.BadInput;

/// <summary>Every case of docs/bad-input.md, by entry point.</summary>
internal static class BadInputCatalogue
{
    public static IReadOnlyList<BadInputCase> Cases { get; } =
        [.. MessageCases.All(), .. CallbackCases.All(), .. PickingFloorCases.All(), .. WorkflowCases.All()];

    public static BadInputCase ById(string id) => Cases.Single(c => c.Id == id);

    /// <summary>The case as its docs row: id, entry point, input, response and what the answer names, state.</summary>
    public static string Row(BadInputCase c) =>
        $"| {c.Id} | {c.EntryPoint} | {c.Input} | {c.Response}, naming `{c.Detail}` | {c.StateText} |";
}
