namespace EniAgent.Core.Host;

/// <summary>Which file the distribution facts came from.</summary>
public enum OsReleaseSource
{
    EtcOsRelease,
    UsrLibOsRelease,

    /// <summary>CentOS/RHEL 6 have no os-release; the one-line /etc/redhat-release text is parsed instead.</summary>
    RedhatRelease,
}
