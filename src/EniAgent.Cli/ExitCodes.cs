namespace EniAgent.Cli;

/// <summary>Process exit codes (documented in docs/cli.md; sysexits.h values where one fits).</summary>
internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>At least one ENI (or file) failed; the others were applied.</summary>
    public const int Failed = 1;

    public const int Usage = 2;

    /// <summary>EX_UNAVAILABLE: the metadata service could not be read; nothing was changed.</summary>
    public const int MetadataUnavailable = 69;

    /// <summary>EX_NOPERM: not root / no CAP_NET_ADMIN.</summary>
    public const int NoPermission = 77;

    /// <summary>EX_CONFIG: the configuration file is invalid.</summary>
    public const int InvalidConfiguration = 78;
}
