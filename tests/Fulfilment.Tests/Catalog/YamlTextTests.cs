using System.Text.Json.Nodes;
using Fulfilment.Catalog;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Fulfilment.Tests.Catalog;

/// <summary>The YAML reads back as the same values: strings that look like numbers, booleans or null stay strings.</summary>
public sealed class YamlTextTests
{
    [Theory]
    [InlineData("1.0")]
    [InlineData("3")]
    [InlineData("true")]
    [InlineData("No")]
    [InlineData("null")]
    [InlineData("~")]
    [InlineData("")]
    public void Write_StringYamlWouldReadAsAnotherType_IsDoubleQuoted(string text)
    {
        var yaml = YamlText.Write(new JsonObject { ["value"] = text });

        var scalar = ReadValue(yaml);
        Assert.Equal(text, scalar.Value);
        Assert.Equal(ScalarStyle.DoubleQuoted, scalar.Style);
    }

    [Theory]
    [InlineData("reserve-inventory")]
    [InlineData("3.1.0")]
    [InlineData("application/schema+json;version=draft-07")]
    public void Write_OrdinaryString_IsPlain(string text)
    {
        var yaml = YamlText.Write(new JsonObject { ["value"] = text });

        var scalar = ReadValue(yaml);
        Assert.Equal(text, scalar.Value);
        Assert.Equal(ScalarStyle.Plain, scalar.Style);
    }

    [Theory]
    [InlineData("{namespace}.servicebus.windows.net")]
    [InlineData("Event (topic x), ordering → Fulfilment: the order exists")]
    [InlineData("#/components/tags/inventory")]
    [InlineData("^[0-9]{4}-[0-9]{2}$")]
    public void Write_StringWithYamlIndicators_ReadsBackUnchanged(string text)
    {
        var yaml = YamlText.Write(new JsonObject { ["value"] = text });

        Assert.Equal(text, ReadValue(yaml).Value);
    }

    [Fact]
    public void Write_MultiLineString_IsALiteralBlock()
    {
        var yaml = YamlText.Write(new JsonObject { ["value"] = "first line\n\n- a list item" });

        var scalar = ReadValue(yaml);
        Assert.Equal("first line\n\n- a list item", scalar.Value);
        Assert.Equal(ScalarStyle.Literal, scalar.Style);
    }

    [Fact]
    public void Write_NumbersBooleansAndEmptyCollections_ArePlainAndFlow()
    {
        var yaml = YamlText.Write(new JsonObject { ["statusCode"] = 201, ["external"] = false, ["subscriptions"] = new JsonArray(), ["none"] = null });

        Assert.Equal("statusCode: 201\nexternal: false\nsubscriptions: []\nnone: null\n", yaml);
    }

    private static YamlScalarNode ReadValue(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return (YamlScalarNode)((YamlMappingNode)stream.Documents[0].RootNode).Children[new YamlScalarNode("value")];
    }
}
