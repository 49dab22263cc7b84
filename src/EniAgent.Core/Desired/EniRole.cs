namespace EniAgent.Core.Desired;

public enum EniRole
{
    /// <summary>The ENI whose MAC is the top-level <c>mac</c>; left alone unless the user opts in.</summary>
    Primary,
    Secondary,
}
