using Fulfilment.Http;

namespace Fulfilment.Shipping;

/// <summary>
/// The answer to a carrier callback, for the HTTP adapter to write as is: <see cref="StatusCode"/>, and on a
/// rejection the <see cref="Problem"/> body. <see cref="Disposition"/> is set for a well-formed, authentic callback.
/// </summary>
public sealed record CarrierCallbackResult(int StatusCode, Problem? Problem, CarrierEventDisposition? Disposition)
{
    public bool IsAccepted => StatusCode is >= 200 and < 300;

    public static CarrierCallbackResult Accepted(CarrierEventDisposition disposition) => new(202, null, disposition);

    public static CarrierCallbackResult Rejected(Problem problem) => new(problem.Status, problem, null);

    public static CarrierCallbackResult UnknownShipment(string detail) =>
        new(404, Problem.NotFound(detail), CarrierEventDisposition.UnknownShipment);
}
