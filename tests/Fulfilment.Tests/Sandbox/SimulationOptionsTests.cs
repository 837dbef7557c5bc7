using Fulfilment.Sandbox.Simulation;

namespace Fulfilment.Tests.Sandbox;

public sealed class SimulationOptionsTests
{
    [Fact]
    public void Parse_NoArguments_GivesTheDefaults()
    {
        var options = SimulationOptions.Parse([]);

        Assert.Equal(new SimulationOptions(), options);
    }

    [Fact]
    public void Parse_EveryOption_SetsItsValue()
    {
        string[] args =
        [
            "--orders", "120", "--products", "9", "--lines", "4", "--seed", "0", "--concurrency", "3",
            "--duplicates", "0.25", "--reorder", "--storage-faults", "0.05", "--cancel", "0.1", "--abandon", "1",
            "--carrier-fail", "0", "--storage", "UseDevelopmentStorage=true", "--json", "--no-progress",
        ];

        var options = SimulationOptions.Parse(args);

        var expected = new SimulationOptions
        {
            Orders = 120, Products = 9, Lines = 4, Seed = 0, Concurrency = 3, Duplicates = 0.25, Reorder = true,
            StorageFaults = 0.05, Cancel = 0.1, Abandon = 1, CarrierFail = 0, Storage = "UseDevelopmentStorage=true",
            Json = true, Progress = false,
        };
        Assert.Equal(expected, options);
    }

    [Theory]
    [InlineData("--orders", "0")]
    [InlineData("--orders", "ten")]
    [InlineData("--products", "-1")]
    [InlineData("--lines", "0")]
    [InlineData("--seed", "-1")]
    [InlineData("--concurrency", "0")]
    [InlineData("--concurrency", "2.5")]
    [InlineData("--duplicates", "1.5")]
    [InlineData("--storage-faults", "-0.1")]
    [InlineData("--cancel", "often")]
    [InlineData("--abandon", "2")]
    [InlineData("--carrier-fail", "NaN")]
    public void Parse_BadValue_ThrowsNamingTheOption(string option, string value)
    {
        var error = Assert.Throws<ArgumentException>(() => SimulationOptions.Parse([option, value]));

        Assert.StartsWith(option + " must be", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--orders")]
    [InlineData("--storage")]
    public void Parse_OptionWithoutItsValue_ThrowsNamingTheOption(string option)
    {
        var error = Assert.Throws<ArgumentException>(() => SimulationOptions.Parse([option]));

        Assert.Contains($"'{option}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownOption_ThrowsNamingIt()
    {
        var error = Assert.Throws<ArgumentException>(() => SimulationOptions.Parse(["--orders", "5", "--fast"]));

        Assert.Contains("'--fast'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MoreLinesThanProducts_ThrowsNamingLines()
    {
        var error = Assert.Throws<ArgumentException>(() => SimulationOptions.Parse(["--products", "2", "--lines", "3"]));

        Assert.StartsWith("--lines cannot exceed --products", error.Message, StringComparison.Ordinal);
    }
}
