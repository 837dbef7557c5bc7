namespace Fulfilment.Functions.Http;

/// <summary>
/// The largest request body an HTTP function reads (0: it reads none). The function passes the same number to
/// <see cref="RequestBody"/>; a test lists every HTTP trigger with its limit and authorization level.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class RequestBodyLimitAttribute(int bytes) : Attribute
{
    public int Bytes { get; } = bytes;
}
