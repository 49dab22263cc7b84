using EniAgent.Core.Metadata;

namespace EniAgent.Core.Tests.Metadata;

public sealed class MetadataListingTests
{
    [Theory]
    [InlineData("00:16:3e:00:00:01/\n00:16:3e:00:00:02/")]
    [InlineData("00:16:3e:00:00:01/\r\n00:16:3e:00:00:02/\r\n")]
    [InlineData("00:16:3e:00:00:01\r00:16:3e:00:00:02\n\n")]
    [InlineData("\n00:16:3e:00:00:01/\n\r\n00:16:3e:00:00:02/\n")]
    public void Lines_in_any_convention_give_the_same_names(string body) =>
        Assert.Equal(["00:16:3e:00:00:01", "00:16:3e:00:00:02"], MetadataListing.Parse(body));

    [Fact]
    public void Names_are_kept_as_served_for_the_builder_to_judge()
    {
        Assert.Equal(["../x", "a b"], MetadataListing.Parse("../x/\na b\n/\n"));
        Assert.Empty(MetadataListing.Parse(string.Empty));
    }
}
