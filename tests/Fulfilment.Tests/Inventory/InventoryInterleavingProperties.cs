using System.Diagnostics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fulfilment.Contracts;
using Fulfilment.Inventory;
using Fulfilment.Tests.Support;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Fulfilment.Tests.Inventory;

/// <summary>
/// Random interleavings of every inventory operation — reserve (first delivery and redeliveries), the workflow's
/// release, release-inventory, link, consume, write-off, short pick (its missing units written off), expire, restock,
/// and repeats of operations already answered — on three hot products and four carts, on Azurite through the real
/// handlers and ledger. Operations come in batches of one to three that run concurrently (the group commit decides
/// them together, in one transaction). Every case uses fresh products and carts in one shared table.
/// After each case, for every product: nothing negative (never oversold); conserved against the test's own record
/// (opening + restocks applied = available + reserved + consumed); reserved, consumed and written off exactly what
/// the reservations' final states hold; flagged for a count exactly when a short pick wrote it off. For every cart:
/// one reservation at most, made by exactly one answer <c>Reserved</c>, holding the cart's lines; its status and
/// reason match the one settling answer that was <c>Applied</c> (none for HELD or EXPIRED). And a repeat of an
/// operation that was applied is never applied again.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class InventoryInterleavingProperties(AzuriteFixture azurite, ITestOutputHelper output)
{
    /// <summary>Interleavings (FsCheck cases) the test command runs — the figure issue 13's closing note cites.</summary>
    public const int Interleavings = 1000;

    private const int Carts = 4;
    private static readonly CancellationToken None = CancellationToken.None;
    private InventoryHarness? shared;
    private Stopwatch? clock;
    private int cases;
    private long operations;

    /// <summary>
    /// One case after another (FsCheck runs them in turn on one instance of this class), each on fresh products and
    /// carts in one shared table; the operations of a batch run concurrently.
    /// </summary>
    [Property(MaxTest = Interleavings, Arbitrary = [typeof(InterleavingGenerator)])]
    public async Task AnyInterleaving_NeverOversoldConservedConsistentAndIdempotent(Interleaving interleaving)
    {
        ArgumentNullException.ThrowIfNull(interleaving);
        clock ??= Stopwatch.StartNew();
        shared ??= await InventoryHarness.CreateAsync(azurite.NewTables(), expiryBatchSize: 100);

        operations += await RunAsync(shared, interleaving);

        if (++cases == Interleavings)
        {
            output.WriteLine($"{Interleavings} interleavings, {operations} operations, {clock.Elapsed.TotalSeconds:F1} s");
        }
    }

    private static async Task<int> RunAsync(InventoryHarness inventory, Interleaving interleaving)
    {
        var run = new Run(inventory, interleaving.World);
        await run.OpenAsync();
        var answered = new List<Op>();
        var batch = new List<Op>();
        var script = interleaving.Steps;
        for (var i = 0; i + 1 < script.Length; i += 2)
        {
            var op = run.Decode(script[i], script[i + 1], answered);
            if (batch.Count > 0 && (batch.Count == 3 || !op.JoinsBatch))
            {
                await run.ExecuteAsync(batch);
                answered.AddRange(batch);
                batch = [];
            }

            batch.Add(op);
        }

        await run.ExecuteAsync(batch);
        answered.AddRange(batch);

        var violations = await run.CheckAsync(answered);
        if (violations.Count > 0)
        {
            throw new XunitException(
                $"{string.Join("; ", violations)}\n{interleaving}; opening {string.Join(",", run.Opening)}; operations:\n{string.Join("\n", answered.Select(o => o.ToString()))}");
        }

        return answered.Count;
    }

    /// <summary>A case: <see cref="World"/> sizes the products and carts, <see cref="Steps"/> (two bytes each) are the operations.</summary>
    public sealed record Interleaving(byte[] World, byte[] Steps)
    {
        public override string ToString() => $"world {Convert.ToHexString(World)}, steps {Convert.ToHexString(Steps)}";
    }

    /// <summary>FsCheck's generator of <see cref="Interleaving"/>: 3–10 operations each (not shrunk: a failure prints its operations).</summary>
    public static class InterleavingGenerator
    {
        public static Arbitrary<Interleaving> Cases()
        {
            var bytes = Gen.Select(Gen.Choose(0, 255), b => (byte)b);
            var steps = Gen.SelectMany(Gen.Choose(3, 10), n => Gen.ArrayOf(bytes, 2 * n));
            return Arb.From(Gen.Zip(Gen.ArrayOf(bytes, 7), steps, (world, ops) => new Interleaving(world, ops)));
        }
    }

    private enum Kind { Reserve, Release, ReleaseInventory, Link, Consume, WriteOff, ShortPick, Expire, Restock }

    /// <summary>One operation: what it does, on which cart or product, and the answer it got (a status or outcome name).</summary>
    /// <remarks><see cref="Id"/> is the restock's operationId, or the order a link is for (the cart's own, or a stranger when <see cref="Quantity"/> is 4).</remarks>
    private sealed record Op(Kind Kind, int Cart, int Product, int Quantity, bool JoinsBatch, Guid Id, Op? Repeats)
    {
        public string Answer { get; set; } = "";

        public override string ToString() =>
            $"{(JoinsBatch ? "  & " : "")}{Kind} cart {Cart} product {Product} x{Quantity}{(Repeats is null ? "" : " (repeat)")} -> {Answer}";
    }

    /// <summary>One case: its products, carts and orders, and what the test itself recorded.</summary>
    private sealed class Run(InventoryHarness inventory, byte[] world)
    {
        private readonly Guid[] products = [Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()];
        private readonly Guid[] orders = [.. Enumerable.Range(0, Carts).Select(_ => Guid.NewGuid())]; // each cart's own order
        private readonly ReserveInventory[] commands = new ReserveInventory[Carts];
        private readonly long[] restocked = new long[3];

        public int[] Opening { get; } = new int[3];

        private byte World(int i) => world[i % world.Length];

        /// <summary>Opens the products (2–7 units each) and builds each cart's one reserve command (one or two lines).</summary>
        public async Task OpenAsync()
        {
            for (var p = 0; p < products.Length; p++)
            {
                Opening[p] = 2 + World(p) % 6;
            }

            await Task.WhenAll(products.Select((id, p) => inventory.Stock.SetAsync(id, Opening[p], "opening stock", Guid.NewGuid(), None)));
            for (var c = 0; c < Carts; c++)
            {
                var b = World(3 + c);
                var builder = new ReserveInventoryBuilder().With(products[b % 3], 1 + (b / 3 % 3));
                if (b % 2 == 0)
                {
                    builder.With(products[(b / 3 + 1) % 3], 1 + (b / 9 % 2));
                }

                commands[c] = builder.Build();
            }
        }

        public Op Decode(byte k, byte a, List<Op> answered)
        {
            var joins = k / 12 % 3 == 0;
            if (k % 12 == 11)
            {
                // A repeat of an operation already answered (a redelivery, a retried call): same arguments, same operationId.
                var candidates = answered.Where(o => o.Kind != Kind.Expire).ToList();
                if (candidates.Count > 0)
                {
                    var earlier = candidates[a % candidates.Count];
                    return earlier with { JoinsBatch = joins, Repeats = earlier.Repeats ?? earlier, Answer = "" };
                }
            }

            var n = k % 12;
            var kind = n < 3 ? Kind.Reserve : (Kind)Math.Min(n - 2, (int)Kind.Restock); // reserve: 3 in 12
            var (cart, quantity) = (a % Carts, 1 + (a / 12 % 4));
            return new Op(kind, cart, a / Carts % 3, quantity, joins, kind == Kind.Link && quantity != 4 ? orders[cart] : Guid.NewGuid(), null);
        }

        public Task ExecuteAsync(List<Op> batch) => Task.WhenAll(batch.Select(async op => op.Answer = await ExecuteAsync(op)));

        private async Task<string> ExecuteAsync(Op op)
        {
            var reservationId = Reservation.IdFor(commands[op.Cart].CartId);
            return op.Kind switch
            {
                Kind.Reserve => (await inventory.Reserve.HandleAsync(commands[op.Cart], None)).Status.ToString(),
                Kind.Release => Name(await inventory.Ledger.ReleaseAsync(reservationId, "ORDER_CANCELLED", None)),
                Kind.ReleaseInventory => Name(await inventory.Release.HandleAsync(new ReleaseInventory(reservationId, ReleaseReason.CheckoutFailed), None)),
                Kind.Link => Name(await inventory.Ledger.LinkAsync(reservationId, op.Id, None)),
                Kind.Consume => Name(await inventory.Ledger.ConsumeAsync(reservationId, None)),
                Kind.WriteOff => Name(await inventory.Ledger.WriteOffAsync(reservationId, "LOST", None)),
                Kind.ShortPick => Name(await inventory.Ledger.ReleaseShortPickedAsync(reservationId, [new LineItem(products[op.Product], 1 + op.Quantity % 2)], None)),
                Kind.Expire => $"{await AdvanceAndExpireAsync(op.Quantity)} expired",
                _ => await RestockAsync(op),
            };
        }

        private async Task<int> AdvanceAndExpireAsync(int quarterHours)
        {
            inventory.Clock.Advance(TimeSpan.FromMinutes(10 * quarterHours));
            return await inventory.Expiry.HandleAsync(None);
        }

        private async Task<string> RestockAsync(Op op)
        {
            var quantity = 1 + op.Quantity % 3;
            var result = await inventory.Stock.RestockAsync(products[op.Product], quantity, op.Id, None);
            if (result.Outcome == StockChangeOutcome.Applied)
            {
                Interlocked.Add(ref restocked[op.Product], quantity);
            }

            return result.Outcome.ToString();
        }

        private static string Name(ReservationResult result) => result.Outcome.ToString();

        public async Task<List<string>> CheckAsync(List<Op> answered)
        {
            var violations = new List<string>();
            var stock = await Task.WhenAll(products.Select(p => inventory.Stock.GetStockAsync(p, None)));
            var reservations = await Task.WhenAll(commands.Select(c => inventory.Ledger.GetByCartAsync(c.CartId, None)));

            for (var c = 0; c < Carts; c++)
            {
                CheckCart(c, reservations[c], answered.Where(o => o.Cart == c && o.Kind is not (Kind.Expire or Kind.Restock)).ToList(), violations);
            }

            foreach (var repeat in answered.Where(o => o.Repeats is { Answer: "Applied" or "Reserved" } && o.Answer is "Applied" or "Reserved"))
            {
                violations.Add($"a repeat of {repeat.Repeats} was applied again: {repeat}");
            }

            for (var p = 0; p < products.Length; p++)
            {
                CheckProduct(p, stock[p], reservations.OfType<Reservation>().ToList(), violations);
            }

            return violations;
        }

        private void CheckCart(int c, Reservation? reservation, List<Op> ops, List<string> violations)
        {
            var reserved = ops.Count(o => o.Kind == Kind.Reserve && o.Answer == nameof(ReserveStatus.Reserved));
            if (reservation is null)
            {
                if (reserved != 0)
                {
                    violations.Add($"cart {c}: answered Reserved {reserved} times but has no reservation");
                }

                return;
            }

            var lines = commands[c].Items.GroupBy(l => l.ProductId).Select(g => new LineItem(g.Key, g.Sum(l => l.Quantity))).OrderBy(l => l.ProductId);
            if (reserved != 1 || !reservation.Items.SequenceEqual(lines))
            {
                violations.Add($"cart {c}: answered Reserved {reserved} times; reservation holds {string.Join(",", reservation.Items)}");
            }

            var settled = ops.Where(o => o.Kind is Kind.Release or Kind.ReleaseInventory or Kind.ShortPick or Kind.Consume or Kind.WriteOff && o.Answer == "Applied").ToList();
            var expected = settled.Count switch
            {
                0 => reservation.Status == ReservationStatus.Held || reservation.IsExpired,
                1 => (settled[0].Kind, reservation.Status, reservation.Reason) switch
                {
                    (Kind.Release, ReservationStatus.Released, "ORDER_CANCELLED") => true,
                    (Kind.ReleaseInventory, ReservationStatus.Released, "CHECKOUT_FAILED") => true,
                    (Kind.ShortPick, ReservationStatus.Released, ReleaseReasons.ShortPick) => true,
                    (Kind.Consume, ReservationStatus.Consumed, ReleaseReasons.Delivered) => true,
                    (Kind.WriteOff, ReservationStatus.Consumed, "LOST") => true,
                    _ => false,
                },
                _ => false,
            };
            // The first order to link it holds it: a later link by another order is LinkedToAnotherOrder.
            var links = ops.Where(o => o.Kind == Kind.Link && o.Answer == "Applied").Select(o => o.Id).Distinct().ToList();
            if (!expected || links.Count > 1 || reservation.OrderId != (links.Count == 1 ? links[0] : null) || (reservation.IsExpired && links.Count > 0))
            {
                violations.Add($"cart {c}: reservation {reservation.Status} ({reservation.Reason}, order {reservation.OrderId}) after {settled.Count} settling answers and links by {string.Join(",", links)}");
            }
        }

        private void CheckProduct(int p, StockItem? stock, List<Reservation> reservations, List<string> violations)
        {
            var id = products[p];
            int Sum(IEnumerable<LineItem> lines) => lines.Where(l => l.ProductId == id).Sum(l => l.Quantity);
            var held = Sum(reservations.Where(r => r.Status == ReservationStatus.Held).SelectMany(r => r.Items));
            var writtenOff = Sum(reservations.SelectMany(r => r.WrittenOff));
            var shortPicked = Sum(reservations.Where(r => r.Reason == ReleaseReasons.ShortPick).SelectMany(r => r.WrittenOff));
            var consumed = Sum(reservations.Where(r => r.Status == ReservationStatus.Consumed).SelectMany(r => r.Items)) + shortPicked;
            if (stock is null)
            {
                violations.Add($"product {p}: no stock record");
                return;
            }

            var books = Opening[p] + restocked[p];
            var facts = new (bool Holds, string What)[]
            {
                (stock.Available >= 0 && stock.Reserved >= 0, "never negative (never oversold)"),
                (stock.Initial == Opening[p] && stock.Restocked == restocked[p], $"opening {Opening[p]} and restocks {restocked[p]} as recorded"),
                (stock.Available + stock.Reserved + (long)stock.Consumed == books, $"conserved: {books} on the books"),
                (stock.Reserved == held, $"reserved = {held} held by HELD reservations"),
                (stock.Consumed == consumed, $"consumed = {consumed} consumed or short-picked"),
                (stock.WrittenOff == writtenOff, $"written off = {writtenOff} by write-offs and short picks"),
                (stock.NeedsCount == (shortPicked > 0), $"flagged for a count iff short-picked ({shortPicked})"),
            };
            foreach (var (_, what) in facts.Where(f => !f.Holds))
            {
                violations.Add($"product {p} (available {stock.Available}, reserved {stock.Reserved}, consumed {stock.Consumed}, written off {stock.WrittenOff}, flagged {stock.NeedsCount}): not {what}");
            }
        }
    }
}
