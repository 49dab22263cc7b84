namespace EniAgent.Platform.DBus;

/// <summary>
/// What networkd's <c>DescribeLink</c> says about a link: the .network file it runs (null: none, or networkd too old to
/// say) and its setup state (<c>AdministrativeState</c>: pending, initialized, configuring, configured, failed,
/// unmanaged, linger; null when not reported).
/// </summary>
internal sealed record NetworkdLinkState(string? NetworkFile, string? SetupState)
{
    /// <summary>
    /// False while networkd still works on the link's configuration (its address, route and rule requests are
    /// queued or in flight); anything else, an unreported state included, is settled.
    /// </summary>
    public bool IsSettled => SetupState is not ("pending" or "initialized" or "configuring");
}
