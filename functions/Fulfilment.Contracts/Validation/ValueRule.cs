using System.Text.Json;

namespace Fulfilment.Contracts.Validation;

/// <summary>Checks one JSON value found at <paramref name="path"/> and adds what is wrong with it to <paramref name="into"/>.</summary>
internal delegate void ValueRule(JsonElement value, string path, List<Violation> into);
