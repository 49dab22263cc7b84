using EniAgent.Core.Host;

namespace EniAgent.Core.Tests.Host;

public class NetworkManagerPluginsTests
{
    [Fact]
    public void Unset_means_the_built_in_default()
    {
        Assert.Null(NetworkManagerPlugins.Effective(["[main]\n#plugins=ifcfg-rh\n", "[logging]\nlevel=INFO\n"]));
    }

    [Fact]
    public void Later_files_override_and_extend()
    {
        Assert.Equal(["ifcfg-rh", "keyfile"], NetworkManagerPlugins.Effective(["[main]\nplugins=ifcfg-rh\n", "[main]\nplugins+=keyfile,ifcfg-rh\n"]));
        Assert.Equal(["keyfile"], NetworkManagerPlugins.Effective(["[main]\nplugins = ifcfg-rh, keyfile\n", "[main]\nplugins-=ifcfg-rh\n"]));
        Assert.Equal(["keyfile"], NetworkManagerPlugins.Effective(["[main]\nplugins=ifcfg-rh\n", "[main]\nplugins=keyfile\n"]));
    }

    [Fact]
    public void Only_the_main_section_counts()
    {
        Assert.Null(NetworkManagerPlugins.Effective(["[device]\nplugins=keyfile\n"]));
    }
}
