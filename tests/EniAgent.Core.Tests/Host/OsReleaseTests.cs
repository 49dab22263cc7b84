using EniAgent.Core.Host;

namespace EniAgent.Core.Tests.Host;

public class OsReleaseTests
{
    [Theory]
    [InlineData("alinux3", "alinux", "rhel fedora centos anolis", "3", 3)]
    [InlineData("alinux2", "alinux", "rhel fedora centos", "2.1903", 2)]
    [InlineData("rhel8", "rhel", "fedora", "8.10", 8)]
    [InlineData("rocky9", "rocky", "rhel centos fedora", "9.3", 9)]
    [InlineData("fedora39", "fedora", "", "39", 39)]
    [InlineData("ubuntu22.04", "ubuntu", "debian", "22.04", 22)]
    [InlineData("debian12", "debian", "", "12", 12)]
    [InlineData("sles12", "sles", "", "12.5", 12)]
    [InlineData("opensuse-leap15", "opensuse-leap", "suse opensuse", "15.5", 15)]
    [InlineData("centos6.redhat-release", "centos", "rhel fedora", "6.10", 6)]
    [InlineData("rhel6.redhat-release", "rhel", "rhel fedora", "6.10", 6)]
    public void Fixtures_parse(string fixture, string id, string idLike, string versionId, int major)
    {
        var os = HostScenarios.OsReleaseOf(fixture)!;
        Assert.Equal(id, os.Id);
        Assert.Equal(idLike, string.Join(' ', os.IdLike));
        Assert.Equal(versionId, os.VersionId);
        Assert.Equal(major, os.MajorVersion);
    }

    [Fact]
    public void Families()
    {
        Assert.True(HostScenarios.OsReleaseOf("alinux3")!.IsRedHatFamily);
        Assert.True(HostScenarios.OsReleaseOf("rocky8")!.IsRedHatFamily);
        Assert.True(HostScenarios.OsReleaseOf("ubuntu18.04")!.IsDebianFamily);
        Assert.True(HostScenarios.OsReleaseOf("sles12")!.IsSuseFamily);
        Assert.True(HostScenarios.OsReleaseOf("opensuse-leap15")!.IsSuseFamily);
        Assert.False(HostScenarios.OsReleaseOf("debian12")!.IsRedHatFamily);
    }

    [Fact]
    public void Quoting_comments_and_escapes_follow_os_release_5()
    {
        var os = OsRelease.Parse("# comment\n\nID='my-os'\nNAME=\"A \\\"quoted\\\" \\$name\"\nVERSION_ID=1.2\nID_LIKE=\"Debian  Other\"\nBROKEN\n", OsReleaseSource.UsrLibOsRelease)!;
        Assert.Equal("my-os", os.Id);
        Assert.Equal("A \"quoted\" $name", os.Name);
        Assert.Equal(["debian", "other"], os.IdLike);
        Assert.Equal(OsReleaseSource.UsrLibOsRelease, os.Source);
    }

    [Theory]
    [InlineData("")]
    [InlineData("NAME=Linux\n")]
    [InlineData("ID=\n")]
    public void Without_an_ID_there_is_no_os_release(string text)
    {
        Assert.Null(OsRelease.Parse(text, OsReleaseSource.EtcOsRelease));
    }

    [Theory]
    [InlineData("CentOS Linux release 7.9.2009 (Core)", "centos", "7.9.2009")]
    [InlineData("Alibaba Cloud Linux (Aliyun Linux) release 2.1903 LTS (Hunting Beagle)", "alinux", "2.1903")]
    [InlineData("Fedora release 39 (Thirty Nine)", "fedora", "39")]
    public void Redhat_release_variants(string text, string id, string version)
    {
        var os = OsRelease.FromRedhatRelease(text)!;
        Assert.Equal(id, os.Id);
        Assert.Equal(version, os.VersionId);
        Assert.Equal(OsReleaseSource.RedhatRelease, os.Source);
    }

    [Fact]
    public void Unknown_redhat_release_text_is_ignored()
    {
        Assert.Null(OsRelease.FromRedhatRelease("Something else 1.0"));
    }

    [Fact]
    public void ToString_names_the_fields_used()
    {
        Assert.Equal("Alibaba Cloud Linux 3 (Soaring Falcon) (ID=alinux ID_LIKE=rhel fedora centos anolis VERSION_ID=3)", HostScenarios.OsReleaseOf("alinux3")!.ToString());
    }
}
