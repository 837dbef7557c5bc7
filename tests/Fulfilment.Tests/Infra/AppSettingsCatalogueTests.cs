using Fulfilment.Configuration;

namespace Fulfilment.Tests.Infra;

public sealed class AppSettingsCatalogueTests
{
    [Fact]
    public void KeysOf_SettableScalars_AreSectionDoubleUnderscoreProperty()
    {
        var keys = AppSettings.KeysOf(typeof(SampleOptions));

        Assert.Equal(["Sample__Name", "Sample__Timeout", "Sample__Retries", "Sample__Mode"], keys);
    }

    [Fact]
    public void KeysOf_NestedClass_IsFlattenedWithDoubleUnderscores()
    {
        var keys = AppSettings.KeysOf(typeof(NestedOptions));

        Assert.Equal(["Outer__Inner__Child__Endpoint"], keys);
    }

    [Fact]
    public void KeysOf_CollectionProperty_IsRejected()
    {
        var keysOf = () => AppSettings.KeysOf(typeof(ListOptions));

        Assert.Throws<NotSupportedException>(keysOf);
    }

    [Fact]
    public void KeysOf_TypeWithoutSection_IsRejected()
    {
        var keysOf = () => AppSettings.KeysOf(typeof(ChildSettings));

        Assert.Throws<ArgumentException>(keysOf);
    }

    [Fact]
    public void Options_OfTheCore_IncludeEveryOptionsClass()
    {
        var sections = AppSettings.OptionsTypes(typeof(AppSettings).Assembly).Select(t => t.Name);

        Assert.Contains(nameof(Fulfilment.Storage.StorageOptions), sections);
    }

    [Theory]
    [InlineData("ServiceBus", true)]
    [InlineData("ServiceBus__fullyQualifiedNamespace", true)]
    [InlineData("ServiceBusX", false)]
    public void IsSetBy_Connection_AcceptsItsNameAndSubKeys(string key, bool expected)
    {
        var connection = AppSetting.Connection("ServiceBus", "fullyQualifiedNamespace");

        var isSet = connection.IsSetBy(key);

        Assert.Equal(expected, isSet);
    }

    [Fact]
    public void IsSetBy_PlainValue_RejectsSubKeys()
    {
        var value = AppSetting.Value("TaskHubName");

        var isSet = value.IsSetBy("TaskHubName__x");

        Assert.False(isSet);
    }

    public enum SampleMode
    {
        Fast,
        Safe,
    }

    public sealed class SampleOptions
    {
        public const string Section = "Sample";

        public string Name { get; set; } = "";

        public TimeSpan Timeout { get; set; }

        public int? Retries { get; set; }

        public SampleMode Mode { get; set; }

        public int Derived => 42;
    }

    public sealed class NestedOptions
    {
        public const string Section = "Outer:Inner";

        public ChildSettings Child { get; set; } = new();
    }

    public sealed class ChildSettings
    {
        public Uri? Endpoint { get; set; }
    }

    public sealed class ListOptions
    {
        public const string Section = "List";

        public IList<string> Items { get; set; } = [];
    }
}
